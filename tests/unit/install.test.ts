import { describe, expect, it } from 'vitest';
import { installModeFor, isIos } from '../../src/app/install';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const IPAD_AS_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const FIREFOX_DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

const facts = (userAgent: string, over: Partial<Parameters<typeof installModeFor>[0]> = {}) => ({
  userAgent,
  maxTouchPoints: 0,
  standalone: false,
  canPrompt: false,
  ...over,
});

describe('install affordance', () => {
  it('recognises iPhones and iPads, including iPadOS that presents itself as a Mac with touch', () => {
    expect(isIos({ userAgent: IPHONE, maxTouchPoints: 5 })).toBe(true);
    expect(isIos({ userAgent: IPAD_AS_MAC, maxTouchPoints: 5 })).toBe(true);
    expect(isIos({ userAgent: IPAD_AS_MAC, maxTouchPoints: 0 })).toBe(false); // a real Mac
    expect(isIos({ userAgent: ANDROID_CHROME, maxTouchPoints: 5 })).toBe(false);
  });

  it('offers the button when the browser gave an install event, steps on iOS, the menu elsewhere', () => {
    expect(installModeFor(facts(ANDROID_CHROME, { canPrompt: true, maxTouchPoints: 5 }))).toBe('prompt');
    expect(installModeFor(facts(IPHONE, { maxTouchPoints: 5 }))).toBe('ios');
    expect(installModeFor(facts(IPAD_AS_MAC, { maxTouchPoints: 5 }))).toBe('ios');
    expect(installModeFor(facts(FIREFOX_DESKTOP))).toBe('manual');
    expect(installModeFor(facts(ANDROID_CHROME, { maxTouchPoints: 5 }))).toBe('manual');
  });

  it('says installed when running from the home screen, whatever else holds', () => {
    expect(installModeFor(facts(IPHONE, { standalone: true, maxTouchPoints: 5 }))).toBe('installed');
    expect(installModeFor(facts(ANDROID_CHROME, { standalone: true, canPrompt: true }))).toBe('installed');
  });
});
