import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/core/define.js';

describe('defineElement', () => {
  it('registers once, ignores the same class again and warns (without throwing) for another copy', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('mag-define-probe', First, '1.0.0');
      defineElement('mag-define-probe', First, '1.0.0');
      expect(warnings).to.have.length(0);
      defineElement('mag-define-probe', Second, '2.0.0');
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('mag-define-probe')).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('version 1.0.0').and.to.contain('version 2.0.0');
  });
});
