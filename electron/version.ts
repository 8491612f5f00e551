declare const __TILSYN_VERSION__: string | undefined;

/** Set by the bundler from package.json; 'udvikling' when running from source (tests). */
export const APP_VERSION: string = typeof __TILSYN_VERSION__ === 'string' ? __TILSYN_VERSION__ : 'udvikling';
