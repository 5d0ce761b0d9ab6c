<?php
/**
 * The drop-in bundle (cdn/<build>/mag-elements.js and its adapters/*.js next to it), loaded only on
 * the pages that render an element, and the editor script of the blocks.
 *
 * @package mag-elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Loads the bundle as a JavaScript module: through the script modules API where WordPress has it
 * (6.5 and later), else as a classic script handle printed with type="module".
 */
class Mag_Elements_Assets {

	const HANDLE = 'mag-elements';

	/**
	 * Whether an element was rendered on this page (the bundle is then enqueued).
	 *
	 * @var bool
	 */
	private static $enqueued = false;

	/** Registers the hooks. */
	public static function hook() {
		add_action( 'init', array( __CLASS__, 'register' ) );
		add_filter( 'script_loader_tag', array( __CLASS__, 'module_tag' ), 10, 3 );
		add_action( 'wp_footer', array( __CLASS__, 'preload_adapter' ), 5 );
	}

	/**
	 * The folder of the bundle inside the plugin, named after the build (`cdn/0.1.0-1a2b3c4d`), so that
	 * browsers never mix the files of two versions after an update; null when the plugin was not built.
	 *
	 * @return string|null
	 */
	public static function bundle_dir() {
		$file = MAG_ELEMENTS_DIR . '/includes/bundle-build.php';
		if ( ! is_readable( $file ) ) {
			return null;
		}
		$build = include $file;
		return is_string( $build ) && preg_match( '/^[\w.-]+$/', $build ) ? 'cdn/' . $build : null;
	}

	/**
	 * The URL of a file of the bundle (`mag-elements.js`, `adapters/wordpress.js`); null when not built.
	 *
	 * @param string $file Path inside the bundle's folder.
	 * @return string|null
	 */
	public static function bundle_url( $file ) {
		$dir = self::bundle_dir();
		return $dir ? plugins_url( $dir . '/' . $file, MAG_ELEMENTS_FILE ) : null;
	}

	/** Registers the blocks' editor script. */
	public static function register() {
		wp_register_script(
			'mag-elements-editor',
			plugins_url( 'assets/editor.js', MAG_ELEMENTS_FILE ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
			MAG_ELEMENTS_VERSION,
			true
		);
		wp_set_script_translations( 'mag-elements-editor', 'mag-elements' );
	}

	/**
	 * Enqueues the bundle; called by every element rendered, so that a page without elements loads
	 * nothing of the plugin.
	 */
	public static function enqueue() {
		if ( self::$enqueued ) {
			return;
		}
		$src = self::bundle_url( 'mag-elements.js' );
		if ( ! $src ) {
			return;
		}
		self::$enqueued = true;
		// No ?ver= query: the adapter files import "../mag-elements.js", which must be the very URL the
		// page loaded, or the page would get a second copy of the library. The folder name changes with
		// every build instead.
		if ( function_exists( 'wp_enqueue_script_module' ) ) {
			wp_enqueue_script_module( self::HANDLE, $src, array(), null );
		} else {
			wp_enqueue_script( self::HANDLE, $src, array(), null, true );
		}
	}

	/**
	 * Prints the bundle's classic script handle as a module script (WordPress before 6.5).
	 *
	 * @param string $tag    The script tag WordPress made.
	 * @param string $handle The script's handle.
	 * @param string $src    The script's URL.
	 * @return string
	 */
	public static function module_tag( $tag, $handle, $src ) {
		if ( self::HANDLE !== $handle ) {
			return $tag;
		}
		return sprintf( '<script type="module" src="%s" id="%s"></script>' . "\n", esc_url( $src ), esc_attr( $handle . '-js' ) );
	}

	/**
	 * Lets the browser fetch the WordPress adapter's file with the bundle instead of after it, when it
	 * asks for it (every element of the plugin uses it).
	 */
	public static function preload_adapter() {
		if ( ! self::$enqueued ) {
			return;
		}
		printf( '<link rel="modulepreload" href="%s">' . "\n", esc_url( self::bundle_url( 'adapters/wordpress.js' ) ) );
	}
}
