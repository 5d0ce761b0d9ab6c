<?php
/**
 * Plugin Name:       mag-elements
 * Description:       The article, its comment thread, the comment-feed link, recent contributions, a subscribe form, about boxes and the site's videos as web components in any theme: blocks, shortcodes, and an optional takeover of the theme's comments, fed by the site's own REST API.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            The mag-elements authors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       mag-elements
 *
 * @package mag-elements
 */

defined( 'ABSPATH' ) || exit;

define( 'MAG_ELEMENTS_VERSION', '0.1.0' );
define( 'MAG_ELEMENTS_FILE', __FILE__ );
define( 'MAG_ELEMENTS_DIR', __DIR__ );

require_once __DIR__ . '/includes/class-mag-elements-assets.php';
require_once __DIR__ . '/includes/class-mag-elements-markup.php';
require_once __DIR__ . '/includes/class-mag-elements-blocks.php';
require_once __DIR__ . '/includes/class-mag-elements-shortcodes.php';
require_once __DIR__ . '/includes/class-mag-elements-comments.php';
require_once __DIR__ . '/includes/class-mag-elements-settings.php';

Mag_Elements_Assets::hook();
Mag_Elements_Blocks::hook();
Mag_Elements_Shortcodes::hook();
Mag_Elements_Comments::hook();
Mag_Elements_Settings::hook();
