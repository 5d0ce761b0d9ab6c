<?php
/**
 * Shortcodes for the classic editor, widgets and theme templates (`do_shortcode()`): one per element,
 * `[mag_article]`, `[mag_comment_thread]`… with the element's own attribute names
 * (`[mag_recent_contributions limit="3" heading-level="3"]`; `heading_level` works too, and a flag
 * alone means true: `[mag_comment_feed_link discover]`).
 *
 * @package mag-elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the shortcodes.
 */
class Mag_Elements_Shortcodes {

	/** Registers the hooks. */
	public static function hook() {
		add_action( 'init', array( __CLASS__, 'register' ), 20 );
	}

	/** Registers `[mag_<name>]` for every element. */
	public static function register() {
		foreach ( array_keys( Mag_Elements_Markup::ELEMENTS ) as $name ) {
			add_shortcode(
				'mag_' . str_replace( '-', '_', $name ),
				function ( $atts ) use ( $name ) {
					return self::render( $name, is_array( $atts ) ? $atts : array() );
				}
			);
		}
	}

	/**
	 * A shortcode's markup.
	 *
	 * @param string $name The element's name.
	 * @param array  $atts The shortcode's attributes, as WordPress parsed them.
	 * @return string
	 */
	public static function render( $name, array $atts ) {
		$attributes = array();
		$schema     = Mag_Elements_Markup::attribute_schema( $name );
		foreach ( $atts as $key => $value ) {
			if ( is_int( $key ) ) {
				// A flag without a value: `[mag_comment_thread disabled]`.
				$key   = (string) $value;
				$value = true;
			}
			$camel = lcfirst( str_replace( ' ', '', ucwords( str_replace( array( '-', '_' ), ' ', strtolower( $key ) ) ) ) );
			if ( isset( $schema[ $camel ] ) ) {
				$attributes[ $camel ] = $value;
			}
		}
		$html = Mag_Elements_Markup::render( $name, $attributes );
		return '' === $html ? '' : sprintf( '<div class="mag-elements mag-elements-%s">%s</div>', esc_attr( $name ), $html );
	}
}
