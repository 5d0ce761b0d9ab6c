<?php
/**
 * Plugin Name: mag-elements test backend
 * Description: Test-only behaviour of the private WordPress started by scripts/backends/wordpress.mjs.
 *
 * Site configuration that a real site would set in its admin can be varied per request with the
 * `X-Mag-Test-Scenario` header, so one server can answer every case the adapter maps:
 *   login-required   core default: anonymous REST comments are refused (rest_comment_login_required)
 *   flood            WordPress's own comment-flood check is on (15 s between comments of one IP/email)
 *   moderate         comments are held for moderation ("hold")
 *   plain-permalinks the site has no pretty permalinks (links are ?p=ID, REST only via ?rest_route=)
 *   error-500        every REST request fails with a JSON 500, as when a plugin or the database breaks
 *   no-comments-api  the comments endpoints are removed, as plugins like "Disable Comments" do
 *   prototype-codes  a plugin refuses requests with error codes and parameter names that are
 *                    also names of JavaScript's prototype chain (toString, constructor, __proto__)
 */

function mag_test_scenario() {
	return isset($_SERVER['HTTP_X_MAG_TEST_SCENARIO']) ? strtolower(trim($_SERVER['HTTP_X_MAG_TEST_SCENARIO'])) : '';
}

// Anonymous comments over REST (core default is "login required").
add_filter('rest_allow_anonymous_comments', function ($allow) {
	return mag_test_scenario() !== 'login-required';
});

// The flood check would refuse every comment after the first within 15 s: off unless asked for.
if (mag_test_scenario() !== 'flood') {
	add_filter('wp_is_comment_flood', '__return_false', 100);
}

if (mag_test_scenario() === 'moderate') {
	add_filter('pre_comment_approved', function () { return 0; }, 100);
}

if (mag_test_scenario() === 'plain-permalinks') {
	add_filter('pre_option_permalink_structure', function () { return ''; });
}

if (mag_test_scenario() === 'error-500') {
	add_filter('rest_pre_dispatch', function () {
		return new WP_Error('mag_test_failure', 'Error establishing a database connection.', array('status' => 500));
	});
}

if (mag_test_scenario() === 'prototype-codes') {
	// Reads: an error code of the plugin's own choosing.
	add_filter('rest_pre_dispatch', function ($result, $server, $request) {
		if ($request->get_method() !== 'GET') return $result;
		return new WP_Error('toString', 'Refused by a plugin.', array('status' => 403));
	}, 10, 3);
	// Comments: "invalid parameters" named constructor and __proto__.
	add_filter('rest_pre_insert_comment', function () {
		return new WP_Error('rest_invalid_param', 'Invalid parameter(s): constructor', array('status' => 400, 'params' => array('constructor' => 'Refused by a plugin.', '__proto__' => 'Refused too.')));
	});
}

if (mag_test_scenario() === 'no-comments-api') {
	add_filter('rest_endpoints', function ($endpoints) {
		foreach (array_keys($endpoints) as $route) {
			if (strpos($route, '/wp/v2/comments') === 0) unset($endpoints[$route]);
		}
		return $endpoints;
	});
}

// Browsers in tests send the scenario header cross-origin: allow it in CORS preflights.
add_filter('rest_allowed_cors_headers', function ($headers) {
	$headers[] = 'X-Mag-Test-Scenario';
	return $headers;
});

// Feeds and pages get a plain CORS header (REST answers already echo the Origin; two headers would break CORS).
$mag_is_rest = isset($_GET['rest_route']) || strpos($_SERVER['REQUEST_URI'] ?? '', '/wp-json') === 0;
if (!$mag_is_rest && PHP_SAPI !== 'cli') {
	header('Access-Control-Allow-Origin: *');
	header('Access-Control-Expose-Headers: Content-Type, Link');
}

// Avatars: gravatar.com is unreachable here; point to a local image, keeping the size in the URL.
add_filter('get_avatar_url', function ($url, $id_or_email, $args) {
	return home_url('/wp-includes/images/w-logo-blue.png') . '?s=' . intval($args['size']);
}, 10, 3);

// No MTA on test machines.
if (!function_exists('wp_mail')) {
	function wp_mail() {
		return true;
	}
}
