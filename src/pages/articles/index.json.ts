import type { APIRoute } from 'astro';
import { absoluteUrl } from '../../data/absolute';
import { paths } from '../../data/paths';
import { getReferenceIndex } from '../../data/contentGate';
import { indexExport } from '../../lib/openData';

export const GET: APIRoute = async () => Response.json(indexExport(await getReferenceIndex(), paths, absoluteUrl));
