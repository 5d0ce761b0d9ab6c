<?php
/**
 * The dynamic blocks `mag-elements/<name>`: metadata in blocks/<name>/block.json, markup rendered on
 * every page view (so it follows the plugin's version), settings in the editor (assets/editor.js).
 *
 * @package mag-elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the blocks.
 */
class Mag_Elements_Blocks {

	/** Registers the hooks. */
	public static function hook() {
		// After Mag_Elements_Assets::register(), which registers the editor script the blocks name.
		add_action( 'init', array( __CLASS__, 'register' ), 20 );
	}

	/** Registers one block per element. */
	public static function register() {
		foreach ( array_keys( Mag_Elements_Markup::ELEMENTS ) as $name ) {
			register_block_type(
				MAG_ELEMENTS_DIR . '/blocks/' . $name,
				array(
					'render_callback' => function ( $attributes, $content, $block ) use ( $name ) {
						return self::render( $name, (array) $attributes, $block );
					},
				)
			);
		}
	}

	/**
	 * A block's markup, in a wrapper with the block's classes (alignment, additional CSS class).
	 *
	 * @param string        $name       The element's name.
	 * @param array         $attributes The block's attributes.
	 * @param WP_Block|null $block      The block (its context gives the post in query loops and templates).
	 * @return string
	 */
	public static function render( $name, array $attributes, $block ) {
		$post_id = $block instanceof WP_Block && isset( $block->context['postId'] ) ? (int) $block->context['postId'] : 0;
		$html    = Mag_Elements_Markup::render( $name, $attributes, $post_id );
		if ( '' === $html ) {
			return '';
		}
		return sprintf( '<div %s>%s</div>', get_block_wrapper_attributes( array( 'class' => 'mag-elements' ) ), $html );
	}
}
