/**
 * The first line of every data file: `# yaml-language-server: $schema=<relative path>`, which tells the YAML
 * language server (VS Code's YAML extension and others) which JSON Schema validates the file.
 */
import { COLLECTIONS, type CollectionName } from '../schemas/index.ts';
import { schemaFileOf } from './json-schemas.ts';

/** The comment line for a file of the collection, with the path from the file's folder to public/schemas/. */
export function schemaCommentOf(name: CollectionName): string {
  const up = COLLECTIONS[name].layout === 'list' ? '../' : '../../';
  return `# yaml-language-server: $schema=${up}public/schemas/${schemaFileOf(name)}`;
}
