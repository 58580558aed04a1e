/**
 * Response serialisation: each route's zod response schema is converted once to JSON Schema and compiled
 * with fast-json-stringify (Fastify's own serializer). Only declared properties are written, so a field a
 * handler adds by mistake — personal data, say — never leaves the server.
 */
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';

type Serializer = (data: unknown) => string;

export const serializerCompiler: FastifySerializerCompiler<unknown> = ({ schema }) => {
  if (!(schema instanceof z.ZodType)) return (data: unknown) => JSON.stringify(data);
  const jsonSchema = z.toJSONSchema(schema, { target: 'draft-07', io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  delete jsonSchema.$schema;
  const serialize: Serializer = fastJson(jsonSchema as never);
  return serialize;
};
