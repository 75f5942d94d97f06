import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../src/App.svelte';
import { comments } from '../../src/lib/state/comments.svelte';
import { articleFile, indexPage, summary } from '../fixtures/feed';
import { goTo, seed } from './helpers';

const ENDPOINT = 'https://site.example/wp-json/wp/v2/comments';

const withComments = articleFile('one', {
  translations: {
    en: { title: 'Open article', body: '<p>Body</p>', postId: 48213 },
    es: { title: 'Artículo abierto', body: '<p>Cuerpo</p>', postId: 'es-7' },
  },
  comments: {
    open: true,
    count: 3,
    items: [
      {
        id: 'c1',
        author: { name: 'Reader <b>One</b>' },
        date: '2026-11-02T09:00:00Z',
        body: '<img src=x onerror=alert(1)> plain',
      },
    ],
  },
});

/** The network edge: what the test's WordPress answers, and what it was sent. */
let reply: () => Response = () => new Response('{}', { status: 201 });
const posted: unknown[] = [];

beforeEach(() => {
  posted.length = 0;
  vi.stubEnv('VITE_COMMENTS_URL', ENDPOINT);
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (url !== ENDPOINT) throw new TypeError('Failed to fetch');
    posted.push(JSON.parse(String(init?.body)));
    return reply();
  });
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  reply = () => new Response('{}', { status: 201 });
});

async function openArticle(article = withComments) {
  await seed(indexPage([summary('one')]), [article]);
  goTo('/article/one');
  render(App);
  return screen.findByRole('form', { name: 'Leave a comment' });
}

async function fill(form: HTMLElement, name: string, email: string, text: string) {
  const user = userEvent.setup();
  const view = within(form);
  if (name) await user.type(view.getByRole('textbox', { name: /Name/ }), name);
  if (email) await user.type(view.getByRole('textbox', { name: /Email/ }), email);
  if (text) await user.type(view.getByRole('textbox', { name: /Comment/ }), text);
  await user.click(view.getByRole('button', { name: 'Post comment' }));
  return view;
}

describe('Comment form', () => {
  it('shows the count, the comments as text, and the form with its note', async () => {
    const form = await openArticle();
    expect(screen.getByRole('heading', { name: '3 comments' })).toBeInTheDocument();
    expect(screen.getByText('<img src=x onerror=alert(1)> plain')).toBeInTheDocument();
    expect(screen.getByText('Reader <b>One</b>')).toBeInTheDocument();
    expect(
      within(form).getByText(
        'Your email address will not be published. Required fields are marked *',
      ),
    ).toBeInTheDocument();
  });

  it('is not shown when no comment endpoint was configured', async () => {
    vi.stubEnv('VITE_COMMENTS_URL', '');
    await seed(indexPage([summary('one')]), [withComments]);
    goTo('/article/one');
    render(App);
    expect(await screen.findByRole('heading', { name: '3 comments' })).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('is not shown when comments are closed', async () => {
    await seed(indexPage([summary('one')]), [
      { ...withComments, comments: { open: false, items: [] } },
    ]);
    goTo('/article/one');
    render(App);
    expect(await screen.findByText('Comments are closed.')).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('says which fields are missing or wrong, next to each field', async () => {
    const form = await openArticle();
    const view = await fill(form, '', 'not-an-address', '');
    const name = view.getByRole('textbox', { name: /Name/ });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Enter your name.');
    expect(name).toHaveFocus();
    expect(view.getByRole('textbox', { name: /Email/ })).toHaveAccessibleDescription(
      'Enter an email address such as name@example.org.',
    );
    expect(view.getByRole('textbox', { name: /Comment/ })).toHaveAccessibleDescription(
      'Write your comment.',
    );
    expect(posted).toEqual([]);
  });

  it("sends WordPress's shape with the shown translation's post id", async () => {
    const form = await openArticle();
    const view = await fill(form, 'Ana', 'ana@example.org', 'Thank you');
    expect(await view.findByText(/Your comment was sent/)).toBeInTheDocument();
    expect(posted).toEqual([
      { post: 48213, author_name: 'Ana', author_email: 'ana@example.org', content: 'Thank you' },
    ]);
    await waitFor(() => expect(view.getByRole('textbox', { name: /Comment/ })).toHaveValue(''));
  });

  it('queues the comment offline and sends it when the connection returns', async () => {
    const form = await openArticle();
    reply = () => {
      throw new TypeError('Failed to fetch');
    };
    const view = await fill(form, 'Ana', 'ana@example.org', 'Written on a train');
    expect(
      await view.findByText('Queued — it will be sent when you are online.'),
    ).toBeInTheDocument();
    expect(posted).toHaveLength(1);

    reply = () => new Response('{}', { status: 201 });
    await comments.flush();
    expect(await view.findByText(/Your comment was sent/)).toBeInTheDocument();
    expect(posted).toHaveLength(2);
  });

  it("shows the site's reason for a rejection and keeps the comment for editing", async () => {
    const form = await openArticle();
    reply = () =>
      new Response(
        JSON.stringify({ code: 'comment_duplicate', message: 'Duplicate comment detected.' }),
        { status: 409 },
      );
    const view = await fill(form, 'Ana', 'ana@example.org', 'Said twice');
    expect(await view.findByRole('alert')).toHaveTextContent(
      'The site did not accept your comment: Duplicate comment detected.',
    );
    expect(view.getByRole('textbox', { name: /Comment/ })).toHaveValue('Said twice');
    expect(view.getByRole('textbox', { name: /Name/ })).toHaveValue('Ana');

    // Edited and sent again: the same comment, not a second one.
    reply = () => new Response('{}', { status: 201 });
    const user = userEvent.setup();
    await user.type(view.getByRole('textbox', { name: /Comment/ }), ', edited');
    await user.click(view.getByRole('button', { name: 'Post comment' }));
    expect(await view.findByText(/Your comment was sent/)).toBeInTheDocument();
    expect(view.queryByRole('alert')).not.toBeInTheDocument();
    expect(posted.at(-1)).toMatchObject({ content: 'Said twice, edited' });
  });
});
