/**
 * First module of both WPS pages: the standard library as Chromium 67 (the WPS build's floor, see
 * webpack.wps.js) lacks it. Babel's preset-env turns this import into exactly the polyfills that target
 * needs, so dependencies that skip Babel are covered too.
 */
import "core-js/stable";
