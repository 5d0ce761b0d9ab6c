<?php
/**
 * Plugin Name: mag-elements site for the plugin's checks
 * Description: What the private WordPress of scripts/check-wordpress-plugin.mjs needs beyond a stock site:
 * e-mails recorded instead of sent (no MTA on test machines), local avatars (gravatar.com is unreachable), and WordPress's own
 * comment-flood check only when the option `mag_test_flood` is on (every test comment comes from
 * 127.0.0.1, which the check would refuse after the first for 15 s), a spam filter that refuses every
 * comment when the option `mag_test_refuse` is on, and the subjects of the e-mails WordPress would
 * have sent in the option `mag_test_mail`. Nothing here allows comments: that is the mag-elements
 * plugin's part.
 */

if (!get_option('mag_test_flood')) {
	add_filter('wp_is_comment_flood', '__return_false', 100);
}

add_filter('get_avatar_url', function ($url, $id_or_email, $args) {
	return home_url('/wp-includes/images/w-logo-blue.png') . '?s=' . intval($args['size']);
}, 10, 3);

// A spam filter that refuses every comment from its hook, as such plugins do with wp_die().
if (get_option('mag_test_refuse')) {
	add_action('pre_comment_on_post', function () {
		wp_die('Comments from robots are not welcome here.');
	});
}

// The e-mails WordPress would send: their subjects are kept in the option `mag_test_mail`.
if (!function_exists('wp_mail')) {
	function wp_mail($to, $subject) {
		$sent = get_option('mag_test_mail', array());
		$sent[] = (string) $subject;
		update_option('mag_test_mail', $sent);
		return true;
	}
}
