<?php
/**
 * The comments template while the takeover is on: the theme's own template, rendered inside
 * `<mag-comment-thread>` (shown until the element runs, and when scripts do not run), then
 * `<mag-comment-feed-link>`. Included by comments_template(), so the theme's template gets the same
 * variables as usual.
 *
 * @package mag-elements
 */

defined( 'ABSPATH' ) || exit;

ob_start();
$mag_elements_theme_template = Mag_Elements_Comments::theme_template();
if ( $mag_elements_theme_template && is_readable( $mag_elements_theme_template ) ) {
	require $mag_elements_theme_template;
}
$mag_elements_fallback = ob_get_clean();

// The markup is escaped where it is built; the fallback is the theme's own output.
echo Mag_Elements_Comments::takeover_markup( get_post(), $mag_elements_fallback ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
