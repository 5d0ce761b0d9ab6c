<?php
/**
 * Settings → mag-elements: the takeover of the theme's comments, and what a theme author needs to know
 * (the blocks, the shortcodes, the REST endpoint the elements read).
 *
 * The form posts to options.php through the Settings API: WordPress checks the nonce that
 * settings_fields() prints and the `manage_options` capability before saving, and the value goes
 * through the setting's sanitize callback.
 *
 * @package mag-elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * The settings page.
 */
class Mag_Elements_Settings {

	const PAGE  = 'mag-elements';
	const GROUP = 'mag_elements';

	/** Registers the hooks. */
	public static function hook() {
		add_action( 'admin_init', array( __CLASS__, 'register' ) );
		add_action( 'admin_menu', array( __CLASS__, 'menu' ) );
		add_action( 'admin_notices', array( __CLASS__, 'notice_when_not_built' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( MAG_ELEMENTS_FILE ), array( __CLASS__, 'action_links' ) );
	}

	/** Registers the setting and its field. */
	public static function register() {
		register_setting(
			self::GROUP,
			Mag_Elements_Comments::TAKEOVER_OPTION,
			array(
				'type'              => 'boolean',
				'default'           => false,
				'sanitize_callback' => 'rest_sanitize_boolean',
			)
		);
		add_settings_section( 'mag_elements_comments', __( 'Comments', 'mag-elements' ), '__return_false', self::PAGE );
		add_settings_field(
			Mag_Elements_Comments::TAKEOVER_OPTION,
			__( "The theme's comments", 'mag-elements' ),
			array( __CLASS__, 'takeover_field' ),
			self::PAGE,
			'mag_elements_comments',
			array( 'label_for' => Mag_Elements_Comments::TAKEOVER_OPTION )
		);
	}

	/** Adds the page under Settings. */
	public static function menu() {
		add_options_page( __( 'mag-elements', 'mag-elements' ), __( 'mag-elements', 'mag-elements' ), 'manage_options', self::PAGE, array( __CLASS__, 'page' ) );
	}

	/**
	 * A "Settings" link on the Plugins screen.
	 *
	 * @param string[] $links The plugin's links.
	 * @return string[]
	 */
	public static function action_links( $links ) {
		$links[] = sprintf( '<a href="%s">%s</a>', esc_url( admin_url( 'options-general.php?page=' . self::PAGE ) ), esc_html__( 'Settings', 'mag-elements' ) );
		return $links;
	}

	/** The takeover's checkbox. */
	public static function takeover_field() {
		printf(
			'<label><input type="checkbox" id="%1$s" name="%1$s" value="1"%2$s> %3$s</label><p class="description">%4$s</p>',
			esc_attr( Mag_Elements_Comments::TAKEOVER_OPTION ),
			checked( (bool) get_option( Mag_Elements_Comments::TAKEOVER_OPTION, false ), true, false ),
			esc_html__( "Replace the theme's comments with the comment thread and the comment-feed link", 'mag-elements' ),
			esc_html__( "On posts whose comments the theme shows. The theme's comments and WordPress's comment form stay in the page for visitors whose browser does not run scripts.", 'mag-elements' )
		);
	}

	/** The settings page. */
	public static function page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$shortcodes = array();
		foreach ( array_keys( Mag_Elements_Markup::ELEMENTS ) as $name ) {
			$shortcodes[] = '[mag_' . str_replace( '-', '_', $name ) . ']';
		}
		?>
		<div class="wrap">
			<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
			<form action="options.php" method="post">
				<?php
				settings_fields( self::GROUP );
				do_settings_sections( self::PAGE );
				submit_button();
				?>
			</form>
			<h2><?php esc_html_e( 'Blocks and shortcodes', 'mag-elements' ); ?></h2>
			<p><?php esc_html_e( 'Add the blocks from the Widgets category of the block inserter, or write a shortcode:', 'mag-elements' ); ?></p>
			<p><code><?php echo esc_html( implode( ' ', $shortcodes ) ); ?></code></p>
			<p>
				<?php
				/* translators: %s: the URL of the site's REST API. */
				printf( esc_html__( 'The elements read this site through its REST API: %s', 'mag-elements' ), '<code>' . esc_html( get_rest_url() ) . '</code>' );
				?>
			</p>
		</div>
		<?php
	}

	/** Says so on the Plugins and settings screens when the plugin's folder has no bundle. */
	public static function notice_when_not_built() {
		$screen = get_current_screen();
		if ( null !== Mag_Elements_Assets::bundle_dir() || ! current_user_can( 'activate_plugins' ) || ! $screen || ! in_array( $screen->id, array( 'plugins', 'settings_page_' . self::PAGE ), true ) ) {
			return;
		}
		printf(
			'<div class="notice notice-error"><p>%s</p></div>',
			esc_html__( 'mag-elements: the JavaScript bundle is missing from the plugin\'s folder, so no element is shown. Install the plugin from mag-elements.zip, which `npm run build` makes.', 'mag-elements' )
		);
	}
}
