<?php
/**
 * Removes the plugin's only option when the plugin is deleted from the Plugins screen.
 *
 * @package mag-elements
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'mag_elements_takeover_comments' );
