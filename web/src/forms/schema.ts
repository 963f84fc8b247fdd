import { useQuery } from '@tanstack/react-query';

/** The part of JSON Schema (OpenAPI 3.0) that the API's request bodies use. */
export interface Schema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  format?: string;
  enum?: (string | number)[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  description?: string;
  example?: unknown;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

/** The service's own OpenAPI document: the forms are made from it, so they follow the API as it is. */
export function useOpenApi() {
  return useQuery({
    queryKey: ['openapi'],
    queryFn: async (): Promise<OpenApiDocument> => {
      const response = await fetch('/docs/openapi.json');
      if (!response.ok) throw new Error(`openapi.json: ${response.status}`);
      return response.json();
    },
    staleTime: Infinity,
  });
}

/** A schema with its $ref (and a lone allOf, as Nest writes a documented $ref) replaced by what it points to; nullable kept. */
export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(document, { ...document.components.schemas[schema.$ref.split('/').pop()!], nullable: schema.nullable });
  if (schema.allOf?.length === 1) return resolve(document, { ...schema.allOf[0], nullable: schema.nullable, description: schema.description });
  return schema;
}

/** The request body schema of a case command (POST /cases/{id}/commands/<type>), resolved. */
export function commandSchema(document: OpenApiDocument, command: string): Schema {
  const body = document.paths[`/cases/{id}/commands/${command}`]?.post?.requestBody?.content?.['application/json']?.schema;
  return body ? resolve(document, body) : { type: 'object', properties: {} };
}
