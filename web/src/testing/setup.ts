/**
 * Setup of the web's Vitest project. Testing Library unmounts after each test only when Vitest's
 * globals are on; they are off here (tests import from 'vitest'), so do it explicitly.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '@/lib/zod-setup';

afterEach(() => cleanup());
