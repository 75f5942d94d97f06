<?php
/**
 * Plugin Name: Folio bridge
 * Description: Makes a WordPress + Polylang site ready for the Folio reader: language fields in
 *              the REST API, opt-in anonymous comments, CORS for the reader's origin.
 * Version:     1.0.0
 * License:     MIT
 *
 * A must-use plugin: copy this one file to wp-content/mu-plugins/folio-bridge.php (create the
 * folder if needed). WordPress loads it on every request; there is nothing to activate.
 *
 * Configuration, in wp-config.php (on Debian: /etc/wordpress/config-<host>.php):
 *
 *   define( 'FOLIO_APP_ORIGIN', 'https://reader.example.org' );
 *       The origin(s) the Folio reader is served from, comma-separated when several
 *       ('https://reader.example.org,https://staging.example.org'). Only these origins get
 *       Access-Control-Allow-Origin on /wp-json/ responses. When the constant is missing,
 *       WordPress's own CORS behaviour is left as it is.
 *
 *   define( 'FOLIO_ANONYMOUS_COMMENTS', true );
 *       Lets readers who are not logged in post comments through the REST API
 *       (POST /wp-json/wp/v2/comments). Off unless defined true. Without the constant, the
 *       option `folio_anonymous_comments` (update_option( 'folio_anonymous_comments', 1 ))
 *       turns it on. Comments posted this way are always held for moderation, even when their
 *       author name and e-mail had a comment approved before (anyone can type those).
 *
 * What it adds:
 *
 *   - REST fields on posts and on categories:
 *       lang          Polylang's language slug ("en", "fa"), or null when the post or term has
 *                     no language (for example, written before Polylang was activated).
 *       translations  { "<slug>": <id>, ... } the post's (or term's) translations, itself
 *                     included; {} when there are none.
 *     Polylang (free) does not expose these; without Polylang they are null and {}.
 *
 *   - CORS on /wp-json/ for the configured origin(s): Access-Control-Allow-Origin echoing the
 *     request's Origin, Vary: Origin, the paging headers exposed (X-WP-Total, X-WP-TotalPages,
 *     Link), and preflight (OPTIONS) answers allowing GET, POST and OPTIONS with Content-Type.
 *     Other origins get no Access-Control-Allow-Origin (WordPress alone would echo any origin).
 *
 *   - CORS on /wp-content/uploads/ cannot come from PHP: the web server sends those files
 *     itself. Folio fetches images with CORS to keep them for offline reading, so add, for
 *     the same origin (several origins: a `map $http_origin` in nginx, SetEnvIf in Apache):
 *
 *       nginx:   location /wp-content/uploads/ {
 *                    add_header Access-Control-Allow-Origin "https://reader.example.org" always;
 *                    add_header Vary Origin always;
 *                }
 *
 *       Apache:  <Directory "/path/to/wp-content/uploads">
 *                    Header always set Access-Control-Allow-Origin "https://reader.example.org"
 *                    Header always merge Vary Origin
 *                </Directory>
 *                (needs mod_headers: a2enmod headers)
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The allowed origins from FOLIO_APP_ORIGIN, without trailing slashes; [] when not configured.
 *
 * @return string[]
 */
function folio_bridge_origins() {
	if ( ! defined( 'FOLIO_APP_ORIGIN' ) || ! is_string( FOLIO_APP_ORIGIN ) ) {
		return array();
	}
	$origins = array();
	foreach ( explode( ',', FOLIO_APP_ORIGIN ) as $origin ) {
		$origin = rtrim( trim( $origin ), '/' );
		if ( '' !== $origin ) {
			$origins[] = $origin;
		}
	}
	return $origins;
}

/**
 * Whether anonymous REST comments are allowed: the constant wins, then the option.
 *
 * @return bool
 */
function folio_bridge_anonymous_comments() {
	if ( defined( 'FOLIO_ANONYMOUS_COMMENTS' ) ) {
		return true === FOLIO_ANONYMOUS_COMMENTS || '1' === FOLIO_ANONYMOUS_COMMENTS || 1 === FOLIO_ANONYMOUS_COMMENTS;
	}
	return (bool) get_option( 'folio_anonymous_comments', false );
}

/* ---- Language fields ------------------------------------------------------------------- */

/**
 * @param array  $object Prepared post or term data; 'id' is its id.
 * @param string $kind   'post' or 'term'.
 * @return string|null
 */
function folio_bridge_lang( $object, $kind ) {
	$function = 'post' === $kind ? 'pll_get_post_language' : 'pll_get_term_language';
	if ( ! function_exists( $function ) ) {
		return null;
	}
	$slug = $function( (int) $object['id'], 'slug' );
	return is_string( $slug ) && '' !== $slug ? $slug : null;
}

/**
 * @param array  $object Prepared post or term data; 'id' is its id.
 * @param string $kind   'post' or 'term'.
 * @return object Slug → id; an object so that none encodes as {} rather than [].
 */
function folio_bridge_translations( $object, $kind ) {
	$function = 'post' === $kind ? 'pll_get_post_translations' : 'pll_get_term_translations';
	if ( ! function_exists( $function ) ) {
		return (object) array();
	}
	$translations = array();
	foreach ( (array) $function( (int) $object['id'] ) as $slug => $id ) {
		$translations[ (string) $slug ] = (int) $id;
	}
	return (object) $translations;
}

add_action(
	'rest_api_init',
	function () {
		$lang_schema         = array(
			'description' => 'Polylang language slug, or null when none.',
			'type'        => array( 'string', 'null' ),
			'context'     => array( 'view', 'embed', 'edit' ),
			'readonly'    => true,
		);
		$translations_schema = array(
			'description'          => 'Translations: language slug → id, itself included.',
			'type'                 => 'object',
			'additionalProperties' => array( 'type' => 'integer' ),
			'context'              => array( 'view', 'embed', 'edit' ),
			'readonly'             => true,
		);
		foreach ( array( 'post' => 'post', 'category' => 'term' ) as $type => $kind ) {
			register_rest_field(
				$type,
				'lang',
				array(
					'get_callback' => function ( $object ) use ( $kind ) {
						return folio_bridge_lang( $object, $kind );
					},
					'schema'       => $lang_schema,
				)
			);
			register_rest_field(
				$type,
				'translations',
				array(
					'get_callback' => function ( $object ) use ( $kind ) {
						return folio_bridge_translations( $object, $kind );
					},
					'schema'       => $translations_schema,
				)
			);
		}
	}
);

// The site's languages and its default one, in the REST API's index (/wp-json/): the exporter
// gives a post without a language the default (posts written before Polylang have none).
add_filter(
	'rest_index',
	function ( $response ) {
		if ( ! function_exists( 'pll_default_language' ) || ! function_exists( 'pll_languages_list' ) ) {
			return $response;
		}
		$data          = $response->get_data();
		$data['folio'] = array(
			'default_language' => pll_default_language( 'slug' ) ? pll_default_language( 'slug' ) : null,
			'languages'        => array_values( (array) pll_languages_list( array( 'fields' => 'slug' ) ) ),
		);
		$response->set_data( $data );
		return $response;
	}
);

/* ---- Anonymous comments ------------------------------------------------------------------ */

add_filter(
	'rest_allow_anonymous_comments',
	function ( $allow ) {
		return folio_bridge_anonymous_comments() ? true : $allow;
	}
);

// A comment posted anonymously through the REST API never goes live by itself: WordPress would
// approve it when a comment with the same name and e-mail was approved before.
add_filter(
	'pre_comment_approved',
	function ( $approved ) {
		if ( 1 === $approved && defined( 'REST_REQUEST' ) && REST_REQUEST && ! is_user_logged_in() ) {
			return 0;
		}
		return $approved;
	},
	20
);

/* ---- CORS on /wp-json/ ------------------------------------------------------------------- */

add_action(
	'rest_api_init',
	function () {
		if ( ! folio_bridge_origins() ) {
			return; // Not configured: WordPress's default CORS stays.
		}
		// WordPress echoes any Origin (with credentials); only the reader's origin(s) here.
		remove_filter( 'rest_pre_serve_request', 'rest_send_cors_headers' );
		add_filter( 'rest_pre_serve_request', 'folio_bridge_cors_headers' );
	},
	20
);

/**
 * Sends the CORS headers for an allowed Origin; nothing for others.
 *
 * @param mixed $served Passed through.
 * @return mixed
 */
function folio_bridge_cors_headers( $served ) {
	$origin = rtrim( (string) get_http_origin(), '/' );
	header( 'Vary: Origin', false );
	$allowed = array_search( $origin, folio_bridge_origins(), true );
	if ( '' !== $origin && false !== $allowed ) {
		header( 'Access-Control-Allow-Origin: ' . folio_bridge_origins()[ $allowed ] );
		header( 'Access-Control-Allow-Methods: GET, POST, OPTIONS' );
		header( 'Access-Control-Allow-Headers: Content-Type' );
		header( 'Access-Control-Expose-Headers: X-WP-Total, X-WP-TotalPages, Link' );
		header( 'Access-Control-Max-Age: 600' );
	}
	return $served;
}
