<?php
/**
 * wp-config.php of the private test WordPress (written by scripts/backends/wordpress.mjs).
 * Everything that differs between runs (URL with its port, MariaDB socket) comes from the environment,
 * so one copy of the WordPress tree serves every run.
 */
$mag_url = getenv('MAG_WP_URL') ?: 'http://127.0.0.1';
$mag_socket = getenv('MAG_WP_DB_SOCKET') ?: '/run/mysqld/mysqld.sock';

define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp-test-password');
define('DB_HOST', 'localhost:' . $mag_socket);
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');

// Fixed keys: this instance only ever listens on 127.0.0.1 and holds test data.
define('AUTH_KEY', 'mag-test-auth-key');
define('SECURE_AUTH_KEY', 'mag-test-secure-auth-key');
define('LOGGED_IN_KEY', 'mag-test-logged-in-key');
define('NONCE_KEY', 'mag-test-nonce-key');
define('AUTH_SALT', 'mag-test-auth-salt');
define('SECURE_AUTH_SALT', 'mag-test-secure-auth-salt');
define('LOGGED_IN_SALT', 'mag-test-logged-in-salt');
define('NONCE_SALT', 'mag-test-nonce-salt');

$table_prefix = 'wp_';

define('WP_HOME', $mag_url);
define('WP_SITEURL', $mag_url);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_DEBUG', false);

if (!defined('ABSPATH')) {
	define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
