// Schemas shared by several route modules.
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../errors.ts';

export const labelsSchema = z.object({ fr: z.string(), nl: z.string(), de: z.string(), en: z.string() });

export const errorSchema = z.object({
  code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  field: z.string().optional(),
});
