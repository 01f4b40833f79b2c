/**
 * The formula editor's browser fixture (formula-editor.browser.test.ts builds and serves it):
 * the real component on a page, mounted only when asked, so the test can see Monaco load
 * lazily.
 */
import { mount } from 'svelte';
import Harness from './Harness.svelte';

mount(Harness, { target: document.getElementById('app')! });
