import { fireEvent, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { pageOf, twoWayViews, USERS } from './break-fixtures';
import { breakRows, bulk, renderReview, rowFor, SLOW, text } from './review-test-setup';

const select = (id: string, init: MouseEventInit = {}) => fireEvent.click(within(rowFor(id)).getByRole('checkbox'), init);
const selectedIds = () => breakRows().filter((r) => r.getAttribute('aria-selected') === 'true').map((r) => r.dataset.breakId);

async function openResolve() {
  await fireEvent.click(bulk().getByRole('button', { name: 'Resolve' }));
  return within(screen.getByRole('form', { name: 'Resolve selected breaks' }));
}

describe('BreakReview: selection', SLOW, () => {
  it('toggles single rows, selects a range with shift-click, and all on the page', async () => {
    renderReview();
    await select('T1002');
    expect(selectedIds()).toEqual(['1']);
    await select('T1006', { shiftKey: true });
    expect(selectedIds()).toEqual(['1', '2', '3', '4']);
    expect(text(bulk().getByText(/breaks? selected$/))).toBe('4 breaks selected');
    const all = screen.getByRole('checkbox', { name: 'Select all breaks on this page' }) as HTMLInputElement;
    expect(all.indeterminate).toBe(true);
    await fireEvent.click(all);
    expect(selectedIds()).toEqual(['1', '2', '3', '4', '5', '6']);
    await fireEvent.click(all);
    expect(selectedIds()).toEqual([]);
  });
});

describe('BreakReview: bulk actions', SLOW, () => {
  it('resolves the selected breaks with a reason and comment, then clears the selection', async () => {
    const { calls } = renderReview();
    await select('T1002');
    await select('T1004');
    const form = await openResolve();
    await fireEvent.change(form.getByRole('combobox', { name: 'Reason' }), { target: { value: 'rounding' } });
    await fireEvent.input(form.getByRole('textbox'), { target: { value: '  Broker rounds to the tick  ' } });
    await fireEvent.click(form.getByRole('button', { name: 'Resolve 2 breaks' }));
    expect(calls.onAction).toHaveBeenCalledWith({ action: 'resolve', ids: [1, 2], reason: 'rounding', comment: 'Broker rounds to the tick' });
    expect(selectedIds()).toEqual([]);
    expect(text(bulk().getByRole('status'))).toBe('Resolved 2 breaks.');
  });

  it('will not resolve with reason Other until a comment says why', async () => {
    const { calls } = renderReview();
    await select('T1002');
    const form = await openResolve();
    await fireEvent.change(form.getByRole('combobox', { name: 'Reason' }), { target: { value: 'other' } });
    expect(form.getByText('Comment (required for Other)')).toBeTruthy();
    await fireEvent.click(form.getByRole('button', { name: 'Resolve 1 break' }));
    expect(calls.onAction).not.toHaveBeenCalled();
    expect(text(form.getByRole('alert'))).toBe('A comment is required when the reason is Other: say why the break is resolved.');
    expect(form.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    await fireEvent.input(form.getByRole('textbox'), { target: { value: 'Give-up booked on the wrong account' } });
    await fireEvent.click(form.getByRole('button', { name: 'Resolve 1 break' }));
    expect(calls.onAction).toHaveBeenCalledWith({ action: 'resolve', ids: [1], reason: 'other', comment: 'Give-up booked on the wrong account' });
  });

  it('asks for a reason before resolving', async () => {
    const { calls } = renderReview();
    await select('T1002');
    const form = await openResolve();
    await fireEvent.click(form.getByRole('button', { name: 'Resolve 1 break' }));
    expect(text(form.getByRole('alert'))).toBe('Choose a reason for resolving.');
    expect(calls.onAction).not.toHaveBeenCalled();
  });

  it('shows the pending state, then a rejection inline, and keeps the selection for another try', async () => {
    let fail: (e: Error) => void = () => {};
    const { calls } = renderReview({ onAction: () => new Promise<void>((_, reject) => { fail = reject; }) });
    await select('T1004');
    const form = await openResolve();
    await fireEvent.change(form.getByRole('combobox', { name: 'Reason' }), { target: { value: 'timing' } });
    await fireEvent.click(form.getByRole('button', { name: 'Resolve 1 break' }));
    expect(calls.onAction).toHaveBeenCalledTimes(1);
    expect(text(bulk().getByRole('status'))).toBe('Resolving 1 break…');
    expect((form.getByRole('button', { name: 'Saving…' }) as HTMLButtonElement).disabled).toBe(true);
    expect((bulk().getByRole('button', { name: 'Assign' }) as HTMLButtonElement).disabled).toBe(true);
    fail(new Error('Break 2 was resolved by someone else meanwhile: reload to see it.'));
    await screen.findByText(/Resolve failed/);
    expect(text(bulk().getByRole('alert'))).toBe('Resolve failed: Break 2 was resolved by someone else meanwhile: reload to see it.');
    expect(selectedIds()).toEqual(['2']);
    expect((form.getByRole('button', { name: 'Resolve 1 break' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('assigns to a person, and unassigns', async () => {
    const { calls } = renderReview();
    await select('T1005');
    await fireEvent.click(bulk().getByRole('button', { name: 'Assign' }));
    let form = within(screen.getByRole('form', { name: 'Assign selected breaks' }));
    await fireEvent.change(form.getByRole('combobox', { name: 'Assign to' }), { target: { value: USERS[1].id } });
    await fireEvent.click(form.getByRole('button', { name: 'Assign 1 break' }));
    expect(calls.onAction).toHaveBeenLastCalledWith({ action: 'assign', ids: [3], assigneeId: USERS[1].id });
    await select('T1005');
    await fireEvent.click(bulk().getByRole('button', { name: 'Assign' }));
    form = within(screen.getByRole('form', { name: 'Assign selected breaks' }));
    await fireEvent.change(form.getByRole('combobox', { name: 'Assign to' }), { target: { value: 'none' } });
    await fireEvent.click(form.getByRole('button', { name: 'Assign 1 break' }));
    expect(calls.onAction).toHaveBeenLastCalledWith({ action: 'assign', ids: [3], assigneeId: null });
  });

  it('comments, refusing an empty comment', async () => {
    const { calls } = renderReview();
    await select('T1002');
    await fireEvent.click(bulk().getByRole('button', { name: 'Comment' }));
    const form = within(screen.getByRole('form', { name: 'Comment selected breaks' }));
    await fireEvent.input(form.getByRole('textbox'), { target: { value: '   ' } });
    await fireEvent.click(form.getByRole('button', { name: 'Comment 1 break' }));
    expect(text(form.getByRole('alert'))).toBe('Write a comment first.');
    await fireEvent.input(form.getByRole('textbox'), { target: { value: 'Chasing the broker' } });
    await fireEvent.click(form.getByRole('button', { name: 'Comment 1 break' }));
    expect(calls.onAction).toHaveBeenCalledWith({ action: 'comment', ids: [1], comment: 'Chasing the broker' });
  });

  it('reopens only the resolved breaks of the selection, and resolves only the unresolved', async () => {
    const views = twoWayViews(undefined, undefined, (_b, i) => (i < 2 ? { status: 'resolved', reason: 'timing' } : {}));
    const { calls } = renderReview({ page: pageOf(views) });
    await select('T1002');
    await select('T1004');
    expect((bulk().getByRole('button', { name: 'Resolve' }) as HTMLButtonElement).disabled).toBe(true);
    expect(text(bulk().getByText(/already resolved/))).toBe('The selected breaks are already resolved.');
    await select('T1005');
    await fireEvent.click(bulk().getByRole('button', { name: 'Reopen' }));
    const form = within(screen.getByRole('form', { name: 'Reopen selected breaks' }));
    await fireEvent.click(form.getByRole('button', { name: 'Reopen 2 breaks' }));
    expect(calls.onAction).toHaveBeenCalledWith({ action: 'reopen', ids: [1, 2] });
  });

  it('disables what the role lacks and says why', async () => {
    const { calls } = renderReview({ canResolve: false, canEdit: true });
    await select('T1002');
    const resolve = bulk().getByRole('button', { name: 'Resolve' }) as HTMLButtonElement;
    expect(resolve.disabled).toBe(true);
    expect((bulk().getByRole('button', { name: 'Reopen' }) as HTMLButtonElement).disabled).toBe(true);
    expect((bulk().getByRole('button', { name: 'Assign' }) as HTMLButtonElement).disabled).toBe(false);
    const note = document.getElementById(resolve.getAttribute('aria-describedby')!);
    expect(text(note)).toBe('Your role cannot resolve or reopen breaks; an approver or admin can.');
    await fireEvent.click(resolve);
    expect(screen.queryByRole('form')).toBeNull();
    expect(calls.onAction).not.toHaveBeenCalled();
  });

  it('a read-only role can select but neither assign, comment, resolve nor reopen', async () => {
    renderReview({ canResolve: false, canEdit: false });
    await select('T1002');
    for (const name of ['Assign', 'Comment', 'Resolve', 'Reopen']) expect((bulk().getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    expect(text(bulk().getByText(/cannot assign/))).toBe('Your role cannot assign or comment on breaks.');
  });
});

describe('BreakReview: selection across pages', SLOW, () => {
  it('drops selected breaks that leave the page, keeps those that stay', async () => {
    const views = twoWayViews();
    const { rerender } = renderReview({ page: pageOf(views) });
    await select('T1002');
    await select('T1004');
    await rerender({ page: pageOf(views.slice(1)) });
    expect(selectedIds()).toEqual(['2']);
    await rerender({ page: pageOf(views) });
    expect(selectedIds()).toEqual(['2']);
  });
});
