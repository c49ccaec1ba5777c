import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonSchemas } from '../../lib/openData';

export const getStaticPaths = (() =>
  Object.entries(jsonSchemas()).map(([name, schema]) => ({ params: { name }, props: { schema } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ schema: unknown }> = ({ props }) => Response.json(props.schema);
