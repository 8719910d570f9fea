// PouchDB ships no TypeScript types; the specs use it untyped.
declare module "pouchdb";
