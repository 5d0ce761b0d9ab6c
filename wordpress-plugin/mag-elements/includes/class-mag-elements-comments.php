<?php
/**
 * Visitors' comments through `<mag-comment-thread>`, and the optional takeover of the theme's comments.
 *
 * WordPress refuses comments over REST from visitors who are not logged in, unless the
 * `rest_allow_anonymous_comments` filter allows them. This class allows them only for a request that
 * carries a REST nonce the site issued to a page (the thread's provider sends it as X-WP-Nonce), and
 * the REST API itself then applies what WordPress's own form applies: post published and open,
 * "users must be registered and logged in to comment" (refused before this filter is asked), name and
 * email required, the comment lengths, duplicate and flood checks, the disallowed-words list,
 * moderation and `pre_comment_approved` (where spam filters such as Akismet decide). What the REST
 * API does not do and the form does is added for these requests: the `pre_comment_on_post` action and
 * the `preprocess_comment` filter before the comment is checked, a logged-in reader's comment
 * attributed to their account, and the `comment_post` action after it is saved (WordPress's
 * notifications to the moderators and the post's author hang on it). A refusal by one of those hooks
 * (`wp_die()`, as spam plugins do) is answered as a refusal with its reason, not as a server error.
 *
 * @package mag-elements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Comment posting policy and the takeover of the theme's comments.
 */
class Mag_Elements_Comments {

	const TAKEOVER_OPTION = 'mag_elements_takeover_comments';

	/**
	 * The theme's comments template, kept while the takeover template includes it as the fallback.
	 *
	 * @var string
	 */
	private static $theme_template = '';

	/** Registers the hooks. */
	public static function hook() {
		add_filter( 'rest_allow_anonymous_comments', array( __CLASS__, 'allow_visitor' ), 10, 2 );
		add_filter( 'rest_preprocess_comment', array( __CLASS__, 'as_form_submission' ), 10, 2 );
		add_action( 'rest_after_insert_comment', array( __CLASS__, 'after_insert' ), 10, 3 );
		add_filter( 'comments_template', array( __CLASS__, 'comments_template' ), 20 );
		add_filter( 'render_block_core/comments', array( __CLASS__, 'comments_block' ), 10, 2 );
	}

	/**
	 * Whether a request carries a REST nonce this site issued (to the page of a thread).
	 *
	 * @param WP_REST_Request $request The request.
	 * @return bool
	 */
	private static function has_page_nonce( $request ) {
		$nonce = $request->get_header( 'X-WP-Nonce' );
		return is_string( $nonce ) && '' !== $nonce && false !== wp_verify_nonce( $nonce, 'wp_rest' );
	}

	/**
	 * Whether a request creates a comment (`POST /wp/v2/comments`) from a page of the site.
	 *
	 * @param WP_REST_Request $request The request.
	 * @return bool
	 */
	private static function is_page_comment( $request ) {
		return $request instanceof WP_REST_Request && 'POST' === $request->get_method() && '/wp/v2/comments' === $request->get_route() && self::has_page_nonce( $request );
	}

	/**
	 * `rest_allow_anonymous_comments`: a visitor may comment with a nonce issued to a page of the site.
	 *
	 * @param bool            $allow   What the filter says so far.
	 * @param WP_REST_Request $request The request.
	 * @return bool
	 */
	public static function allow_visitor( $allow, $request ) {
		return $allow || self::is_page_comment( $request );
	}

	/**
	 * `rest_preprocess_comment`: for a comment posted from a page, what WordPress's form handler does
	 * before checking it (see the class comment).
	 *
	 * @param array|WP_Error  $comment The comment prepared for the database.
	 * @param WP_REST_Request $request The request.
	 * @return array|WP_Error
	 */
	public static function as_form_submission( $comment, $request ) {
		if ( ! is_array( $comment ) || ! self::is_page_comment( $request ) ) {
			return $comment;
		}
		$user = wp_get_current_user();
		if ( $user->exists() ) {
			// As WordPress's own form: a logged-in reader comments as their account.
			$comment['user_id']              = $user->ID;
			$comment['comment_author']       = '' !== $user->display_name ? $user->display_name : $user->user_login;
			$comment['comment_author_email'] = $user->user_email;
			$comment['comment_author_url']   = $user->user_url;
		}
		$comment['user_ID']      = isset( $comment['user_id'] ) ? (int) $comment['user_id'] : 0;
		$comment['comment_type'] = 'comment';
		$post_id                 = isset( $comment['comment_post_ID'] ) ? (int) $comment['comment_post_ID'] : 0;

		return self::refusal_as_error(
			function () use ( $comment, $post_id ) {
				do_action( 'pre_comment_on_post', $post_id ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own action, as its form fires it.
				// Akismet checks REST comments itself (rest_pre_insert_comment): once is enough.
				$akismet = has_filter( 'rest_pre_insert_comment', array( 'Akismet', 'rest_auto_check_comment' ) ) ? has_filter( 'preprocess_comment', array( 'Akismet', 'auto_check_comment' ) ) : false;
				if ( false !== $akismet ) {
					remove_filter( 'preprocess_comment', array( 'Akismet', 'auto_check_comment' ), $akismet );
				}
				$comment = apply_filters( 'preprocess_comment', $comment ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own filter, as its form applies it.
				if ( false !== $akismet ) {
					add_filter( 'preprocess_comment', array( 'Akismet', 'auto_check_comment' ), $akismet );
				}
				unset( $comment['user_ID'] );
				return $comment;
			}
		);
	}

	/**
	 * `rest_after_insert_comment`: the `comment_post` action of WordPress's form, for a comment posted
	 * from a page (WordPress's e-mails to the moderators and the post's author are sent on it).
	 *
	 * @param WP_Comment      $comment  The comment.
	 * @param WP_REST_Request $request  The request.
	 * @param bool            $creating Whether the comment was created.
	 */
	public static function after_insert( $comment, $request, $creating ) {
		if ( ! $creating || ! self::is_page_comment( $request ) ) {
			return;
		}
		$data     = get_comment( $comment, ARRAY_A );
		$approved = is_numeric( $data['comment_approved'] ) ? (int) $data['comment_approved'] : $data['comment_approved'];
		do_action( 'comment_post', (int) $comment->comment_ID, $approved, $data ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WordPress's own action, as its form fires it.
	}

	/**
	 * Runs `$run`; a `wp_die()` inside it (a hook refusing the comment) becomes a WP_Error with the
	 * reason, answered with HTTP 403.
	 *
	 * @param callable $run What to run.
	 * @return mixed|WP_Error
	 */
	private static function refusal_as_error( callable $run ) {
		$handler = function () {
			return function ( $message ) {
				throw new Mag_Elements_Refusal( is_wp_error( $message ) ? $message->get_error_message() : (string) $message );
			};
		};
		$filters = array( 'wp_die_handler', 'wp_die_json_handler', 'wp_die_ajax_handler', 'wp_die_xml_handler', 'wp_die_jsonp_handler' );
		foreach ( $filters as $filter ) {
			add_filter( $filter, $handler, PHP_INT_MAX );
		}
		try {
			return $run();
		} catch ( Mag_Elements_Refusal $refusal ) {
			$reason = trim( wp_strip_all_tags( $refusal->getMessage() ) );
			return new WP_Error( 'mag_elements_comment_refused', '' !== $reason ? $reason : __( 'Your comment was refused.', 'mag-elements' ), array( 'status' => 403 ) );
		} finally {
			foreach ( $filters as $filter ) {
				remove_filter( $filter, $handler, PHP_INT_MAX );
			}
		}
	}

	/**
	 * Whether the theme's comments are replaced on this page.
	 *
	 * @return bool
	 */
	public static function takeover() {
		return (bool) get_option( self::TAKEOVER_OPTION, false ) && null !== Mag_Elements_Assets::bundle_dir() && is_singular( 'post' );
	}

	/**
	 * `comments_template` (classic themes): the takeover's template, which includes the theme's as the
	 * fallback.
	 *
	 * @param string $template The theme's comments template.
	 * @return string
	 */
	public static function comments_template( $template ) {
		if ( ! self::takeover() ) {
			return $template;
		}
		self::$theme_template = $template;
		return MAG_ELEMENTS_DIR . '/templates/comments.php';
	}

	/**
	 * The theme's comments template (for templates/comments.php).
	 *
	 * @return string
	 */
	public static function theme_template() {
		return self::$theme_template;
	}

	/**
	 * `render_block_core/comments` (block themes): the comments block becomes the takeover's fallback.
	 *
	 * @param string $html  The block's HTML.
	 * @param array  $block The block.
	 * @return string
	 */
	public static function comments_block( $html, $block ) {
		$post = get_post();
		if ( '' === trim( $html ) || ! $post || ! self::takeover() || ( isset( $block['attrs']['legacy'] ) && $block['attrs']['legacy'] ) ) {
			// (the legacy comments block renders the comments template, taken over above)
			return $html;
		}
		return self::takeover_markup( $post, $html );
	}

	/**
	 * The takeover: `<mag-comment-thread>` with the theme's comments inside it (shown until it runs),
	 * then `<mag-comment-feed-link>`.
	 *
	 * @param WP_Post $post     The post.
	 * @param string  $fallback The theme's comments HTML.
	 * @return string
	 */
	public static function takeover_markup( $post, $fallback ) {
		$values = Mag_Elements_Markup::sanitize( Mag_Elements_Markup::attribute_schema( 'comment-thread' ), array() );
		/**
		 * Filters the attributes of the takeover's comment thread (block attribute names: `headingLevel`,
		 * `order`, `maxDepth`…).
		 *
		 * @param array   $values The attributes.
		 * @param WP_Post $post   The post.
		 */
		$values = Mag_Elements_Markup::sanitize( Mag_Elements_Markup::attribute_schema( 'comment-thread' ), (array) apply_filters( 'mag_elements_takeover_thread_attributes', $values, $post ) );
		$feed   = sprintf( '<mag-comment-feed-link article-id="%d"></mag-comment-feed-link>', (int) $post->ID );
		return '<div class="mag-elements mag-elements-comments">' . Mag_Elements_Markup::comment_thread( $post, $values, $fallback, $feed ) . '</div>';
	}
}

/**
 * A hook refused a comment with wp_die() (see Mag_Elements_Comments::refusal_as_error()).
 */
class Mag_Elements_Refusal extends Exception {
}
