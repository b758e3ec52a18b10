// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { ResultLine } from '@/components/ResultLine';

afterEach(cleanup);

test('a status line that screen readers announce, styled by the outcome', () => {
  const { rerender } = render(<ResultLine result={null} testId="line" />);
  expect(screen.getByRole('status').textContent).toBe('');
  rerender(<ResultLine result={{ ok: false, text: '签名错误' }} testId="line" />);
  expect(screen.getByTestId('line').className).toBe('errors');
  expect(screen.getByRole('status').textContent).toBe('签名错误');
  rerender(<ResultLine result={{ ok: true, text: '已保存' }} testId="line" />);
  expect(screen.getByTestId('line').className).toBe('saved');
});
