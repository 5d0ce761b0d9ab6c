<?php
/**
 * The markup of the elements, shared by the blocks, the shortcodes and the comments takeover: a
 * `<mag-provider adapter="wordpress">` wired to the site's REST API around the element, whose
 * attributes come from the block's attributes (blocks/<name>/block.json), and inside the element
 * what the page shows when scripts do not run.
 *
 * @package mag-elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Renders the elements. Every value is escaped where it is printed.
 */
class Mag_Elements_Markup {

	/** The elements, by the name of their block (`mag-elements/<name>`): their tag. */
	const ELEMENTS = array(
		'article'              => 'mag-article',
		'comment-thread'       => 'mag-comment-thread',
		'comment-feed-link'    => 'mag-comment-feed-link',
		'recent-contributions' => 'mag-recent-contributions',
		'subscribe-form'       => 'mag-subscribe-form',
		'about-box'            => 'mag-about-box',
		'video-list'           => 'mag-video-list',
	);

	/** The elements that show one article (by default the current post). */
	const ABOUT_AN_ARTICLE = array( 'article', 'comment-thread', 'comment-feed-link' );

	/**
	 * The attributes of an element's block: their type, default and limits (block.json).
	 *
	 * @param string $name The element's name (`article`…).
	 * @return array<string, array>
	 */
	public static function attribute_schema( $name ) {
		$type = WP_Block_Type_Registry::get_instance()->get_registered( 'mag-elements/' . $name );
		return $type ? $type->attributes : array();
	}

	/**
	 * The element's markup, with its provider, or '' when there is nothing to show (an element about an
	 * article with no article: a page that is not a post).
	 *
	 * @param string $name       The element's name (`article`…).
	 * @param array  $attributes The block's attributes (or a shortcode's, already named like them).
	 * @param int    $post_id    The post of the page (the block's context), 0 for the current post.
	 * @return string
	 */
	public static function render( $name, array $attributes, $post_id = 0 ) {
		if ( ! isset( self::ELEMENTS[ $name ] ) ) {
			return '';
		}
		$values  = self::sanitize( self::attribute_schema( $name ), $attributes );
		$post_id = (int) ( $post_id ? $post_id : get_the_ID() );

		if ( in_array( $name, self::ABOUT_AN_ARTICLE, true ) ) {
			$post = self::article_post( isset( $values['articleId'] ) ? $values['articleId'] : '', $post_id );
			if ( ! $post ) {
				return '';
			}
			$values['articleId'] = (string) $post->ID;
		}
		if ( 'recent-contributions' === $name && $post_id && is_singular() ) {
			$values['currentArticle'] = (string) $post_id;
		}
		if ( 'about-box' === $name ) {
			$values['key'] = self::about_key( $values['key'], $post_id );
		}

		Mag_Elements_Assets::enqueue();
		if ( 'comment-thread' === $name ) {
			return self::comment_thread( $post, $values, self::comment_fallback( $post ) );
		}
		$tag     = self::ELEMENTS[ $name ];
		$inside  = self::fallback( $name, $values, isset( $post ) ? $post : null );
		$element = '<' . $tag . self::attributes( $name, $values ) . '>' . $inside . '</' . $tag . '>';
		return self::provider( $element, false );
	}

	/**
	 * `<mag-comment-thread>` in its provider (with the nonce comments are posted with), `$fallback`
	 * inside it (shown until the element runs), and for a visitor who must log in to comment, the
	 * login page (`login-url`: the element asks the visitor to log in instead of showing its form).
	 *
	 * @param WP_Post $post     The article.
	 * @param array   $values   The thread's attributes (block attribute names).
	 * @param string  $fallback HTML shown when scripts do not run.
	 * @param string  $after    Elements after the thread, in the same provider (the comment-feed link).
	 * @return string
	 */
	public static function comment_thread( $post, array $values, $fallback, $after = '' ) {
		$values['articleId'] = (string) $post->ID;
		if ( comments_open( $post ) && get_option( 'comment_registration' ) && ! is_user_logged_in() ) {
			// WordPress's login page, which brings the visitor back to the article.
			$values['loginUrl'] = wp_login_url( get_permalink( $post ) );
		}
		Mag_Elements_Assets::enqueue();
		return self::provider( '<mag-comment-thread' . self::attributes( 'comment-thread', $values ) . '>' . $fallback . '</mag-comment-thread>' . $after, true );
	}

	/**
	 * `<mag-provider adapter="wordpress">` around `$inside`, wired to this site's REST API.
	 *
	 * @param string $inside    The elements.
	 * @param bool   $can_post  Whether an element inside posts comments (the provider then carries the nonce).
	 * @return string
	 */
	public static function provider( $inside, $can_post ) {
		$nonce = $can_post ? sprintf( ' nonce="%s"', esc_attr( wp_create_nonce( 'wp_rest' ) ) ) : '';
		return sprintf( '<mag-provider adapter="wordpress" endpoint="%s"%s>%s</mag-provider>', esc_url( get_rest_url() ), $nonce, $inside );
	}

	/**
	 * The post an element shows: `$ref` (an id or a slug) when given, else the page's post; only a
	 * published, public post (the REST API shows no other to visitors).
	 *
	 * @param string $ref     A post id or slug, or ''.
	 * @param int    $post_id The page's post.
	 * @return WP_Post|null
	 */
	public static function article_post( $ref, $post_id ) {
		$ref = trim( (string) $ref );
		if ( '' === $ref ) {
			$post = $post_id ? get_post( $post_id ) : null;
		} elseif ( ctype_digit( $ref ) ) {
			$post = get_post( (int) $ref );
		} else {
			$found = get_posts(
				array(
					'name'           => sanitize_title( $ref ),
					'post_type'      => 'post',
					'post_status'    => 'publish',
					'posts_per_page' => 1,
				)
			);
			$post  = $found ? $found[0] : null;
		}
		if ( ! $post || 'post' !== $post->post_type || 'publish' !== $post->post_status || post_password_required( $post ) ) {
			return null;
		}
		return $post;
	}

	/**
	 * The about box's key for the WordPress adapter: `site`, `author:<id>` (`author` alone: the author of
	 * the page's post), or the key as given.
	 *
	 * @param string $key     The block's key.
	 * @param int    $post_id The page's post.
	 * @return string
	 */
	private static function about_key( $key, $post_id ) {
		if ( 'author' === $key ) {
			$post = $post_id ? get_post( $post_id ) : null;
			return $post ? 'author:' . (int) $post->post_author : 'site';
		}
		return '' === $key ? 'site' : $key;
	}

	/**
	 * Values checked against the block's attribute schema: booleans, whole numbers within their limits,
	 * one of the allowed words, plain text; the subscribe form's action is an http(s) URL.
	 *
	 * @param array $schema     The block's attributes (type, default, enum, minimum, maximum).
	 * @param array $attributes The values given.
	 * @return array<string, mixed> Every attribute of the schema, with its default when not given or invalid.
	 */
	public static function sanitize( array $schema, array $attributes ) {
		$values = array();
		foreach ( $schema as $key => $spec ) {
			$default = isset( $spec['default'] ) ? $spec['default'] : null;
			$value   = array_key_exists( $key, $attributes ) ? $attributes[ $key ] : $default;
			$type    = isset( $spec['type'] ) ? $spec['type'] : 'string';
			if ( 'boolean' === $type ) {
				$value = is_bool( $value ) ? $value : filter_var( $value, FILTER_VALIDATE_BOOLEAN );
			} elseif ( 'integer' === $type ) {
				$value = is_numeric( $value ) ? (int) $value : (int) $default;
				$value = isset( $spec['minimum'] ) ? max( (int) $spec['minimum'], $value ) : $value;
				$value = isset( $spec['maximum'] ) ? min( (int) $spec['maximum'], $value ) : $value;
			} else {
				$value = is_scalar( $value ) ? sanitize_text_field( (string) $value ) : (string) $default;
				if ( isset( $spec['enum'] ) && ! in_array( $value, $spec['enum'], true ) ) {
					$value = (string) $default;
				}
				if ( 'action' === $key && '' !== $value ) {
					$value = esc_url_raw( $value, array( 'http', 'https' ) );
				}
			}
			$values[ $key ] = $value;
		}
		return $values;
	}

	/**
	 * The element's HTML attributes: each block attribute in kebab case (`headingLevel` →
	 * `heading-level`), left out when it has its default (the element has the same one).
	 *
	 * @param string $name   The element's name.
	 * @param array  $values Sanitized values.
	 * @return string ` article-id="12" heading-level="2"…`, escaped.
	 */
	public static function attributes( $name, array $values ) {
		$schema = self::attribute_schema( $name );
		$html   = '';
		foreach ( $values as $key => $value ) {
			$default = isset( $schema[ $key ]['default'] ) ? $schema[ $key ]['default'] : null;
			$always  = in_array( $key, array( 'articleId', 'currentArticle', 'key' ), true );
			if ( ( ! $always && $value === $default ) || '' === $value || false === $value ) {
				continue;
			}
			$attribute = strtolower( preg_replace( '/[A-Z]/', '-$0', $key ) );
			$html     .= true === $value ? ' ' . $attribute : sprintf( ' %s="%s"', $attribute, esc_attr( (string) $value ) );
		}
		return $html;
	}

	/**
	 * What an element holds for the page without scripts: hidden once the element runs (the elements
	 * show no content of theirs, except the subscribe form, which reads its child form, and the about
	 * box, whose default slot is for extra content: its text is in a noscript element).
	 *
	 * @param string       $name   The element's name.
	 * @param array        $values Sanitized values.
	 * @param WP_Post|null $post   The article, for the elements about one.
	 * @return string
	 */
	private static function fallback( $name, array $values, $post ) {
		switch ( $name ) {
			case 'article':
				$excerpt = has_excerpt( $post ) ? $post->post_excerpt : wp_trim_words( wp_strip_all_tags( strip_shortcodes( excerpt_remove_blocks( $post->post_content ) ) ), 55 );
				return sprintf(
					'<p class="mag-elements-fallback-title"><a href="%s">%s</a></p><p>%s</p>',
					esc_url( get_permalink( $post ) ),
					esc_html( get_the_title( $post ) ),
					esc_html( $excerpt )
				);
			case 'comment-feed-link':
				return sprintf( '<a href="%s">%s</a>', esc_url( get_post_comments_feed_link( $post->ID ) ), esc_html__( 'Comment feed', 'mag-elements' ) );
			case 'recent-contributions':
				return self::recent_fallback( $values );
			case 'subscribe-form':
				return self::subscribe_fallback( $values );
			case 'about-box':
				return self::about_fallback( $values['key'] );
			case 'video-list':
				return self::video_fallback( $values );
		}
		return '';
	}

	/**
	 * The page's comments without scripts, for the comment-thread block: the approved comments, then a
	 * link to the post's comment form, or WordPress's "Comments are closed." sentence.
	 *
	 * @param WP_Post $post The article.
	 * @return string
	 */
	private static function comment_fallback( $post ) {
		$comments = get_comments(
			array(
				'post_id' => $post->ID,
				'status'  => 'approve',
				'order'   => 'ASC',
			)
		);
		$html     = '';
		foreach ( $comments as $comment ) {
			$text  = apply_filters( 'comment_text', get_comment_text( $comment ), $comment, array() ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own filter, as themes apply it.
			$html .= sprintf(
				'<li><p><strong>%s</strong> <time datetime="%s">%s</time></p>%s</li>',
				esc_html( get_comment_author( $comment ) ),
				esc_attr( get_comment_date( 'c', $comment ) ),
				esc_html( get_comment_date( '', $comment ) ),
				wp_kses_post( $text )
			);
		}
		$html = $html ? '<ol class="mag-elements-fallback-comments">' . $html . '</ol>' : '';
		if ( comments_open( $post ) ) {
			$html .= sprintf( '<p><a href="%s">%s</a></p>', esc_url( get_permalink( $post ) . '#respond' ), esc_html__( 'Leave a comment', 'mag-elements' ) );
		} else {
			$html .= '<p>' . esc_html__( 'Comments are closed.' ) . '</p>'; // phpcs:ignore WordPress.WP.I18n.MissingArgDomain -- WordPress's own sentence.
		}
		return $html;
	}

	/**
	 * The newest posts as a list of links.
	 *
	 * @param array $values The element's values (limit, section).
	 * @return string
	 */
	private static function recent_fallback( array $values ) {
		$query = array(
			'numberposts'      => $values['limit'],
			'post_status'      => 'publish',
			'suppress_filters' => false,
		);
		if ( '' !== $values['section'] ) {
			$term = ctype_digit( $values['section'] ) ? get_term( (int) $values['section'], 'category' ) : get_term_by( 'slug', sanitize_title( $values['section'] ), 'category' );
			if ( ! $term || is_wp_error( $term ) ) {
				$term = get_term_by( 'name', $values['section'], 'category' );
			}
			$query['category'] = $term && ! is_wp_error( $term ) ? $term->term_id : -1;
		}
		$html = '';
		foreach ( get_posts( $query ) as $post ) {
			$html .= sprintf( '<li><a href="%s">%s</a></li>', esc_url( get_permalink( $post ) ), esc_html( get_the_title( $post ) ) );
		}
		return $html ? '<ul class="mag-elements-fallback-recent">' . $html . '</ul>' : '';
	}

	/**
	 * The site's newest videos as a list of links to their attachment pages: what the element lists, asked
	 * of the REST API inside the page's request (the same videos, the same visibility).
	 *
	 * @param array $values The element's values (limit).
	 * @return string
	 */
	private static function video_fallback( array $values ) {
		$request = new WP_REST_Request( 'GET', '/wp/v2/media' );
		$request->set_query_params(
			array(
				'media_type' => 'video',
				'per_page'   => $values['limit'],
			)
		);
		$response = rest_do_request( $request );
		if ( $response->is_error() ) {
			return '';
		}
		$html = '';
		foreach ( (array) $response->get_data() as $video ) {
			// The title as WordPress renders it: text with its characters as entities, no tags.
			$html .= sprintf( '<li><a href="%s">%s</a></li>', esc_url( $video['link'] ), wp_kses( $video['title']['rendered'], array() ) );
		}
		return $html ? '<ul class="mag-elements-fallback-videos">' . $html . '</ul>' : '';
	}

	/**
	 * The subscribe form's child form (its no-script fallback, which the element reads): only with an
	 * action, the newsletter service's URL.
	 *
	 * @param array $values The element's values.
	 * @return string
	 */
	private static function subscribe_fallback( array $values ) {
		if ( '' === $values['action'] ) {
			return '';
		}
		return sprintf(
			'<form action="%s" method="%s"%s><label>%s <input type="email" name="%s" required autocomplete="email"></label> <button type="submit">%s</button></form>',
			esc_url( $values['action'] ),
			esc_attr( $values['method'] ),
			'' !== $values['target'] ? sprintf( ' target="%s"', esc_attr( $values['target'] ) ) : '',
			esc_html__( 'Email address', 'mag-elements' ),
			esc_attr( '' !== $values['fieldName'] ? $values['fieldName'] : 'email' ),
			esc_html__( 'Subscribe', 'mag-elements' )
		);
	}

	/**
	 * The site's name and tagline, or the author's name and bio, in a noscript element.
	 *
	 * @param string $key The about box's key (`site`, `author:<id>`).
	 * @return string
	 */
	private static function about_fallback( $key ) {
		if ( preg_match( '/^author:(\d+)$/', $key, $m ) ) {
			$user = get_userdata( (int) $m[1] );
			if ( ! $user ) {
				return '';
			}
			$name = $user->display_name;
			$text = get_the_author_meta( 'description', $user->ID );
		} else {
			$name = get_bloginfo( 'name' );
			$text = get_bloginfo( 'description' );
		}
		return sprintf( '<noscript><p><strong>%s</strong></p><p>%s</p></noscript>', esc_html( $name ), esc_html( $text ) );
	}
}
