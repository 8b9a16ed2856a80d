import {
  messageFromBody,
  parseBodyText,
  summariseMarkup,
  validationIssuesFrom,
} from './error-body';

describe('parseBodyText', () => {
  test('parses JSON objects, arrays and strings; keeps anything else as text', () => {
    expect(parseBodyText('{"a":1}')).toEqual({ a: 1 });
    expect(parseBodyText(' [1,2] ')).toEqual([1, 2]);
    expect(parseBodyText('"v1.2.3"')).toBe('v1.2.3');
    expect(parseBodyText('{not json')).toBe('{not json');
    expect(parseBodyText('<html></html>')).toBe('<html></html>');
    expect(parseBodyText('   ')).toBe('');
  });
});

describe('messageFromBody', () => {
  test.each([
    [{ detail: 'Job not found' }, 'Job not found'],
    [
      {
        detail: [
          { loc: ['body', 'input'], msg: 'Field required', type: 'missing' },
        ],
      },
      'body.input: Field required',
    ],
    [{ error: { message: 'Invalid access token' } }, 'Invalid access token'],
    [{ error: 'plain error string' }, 'plain error string'],
    [
      { message: '[CODE 1000] rate limit exceeded' },
      '[CODE 1000] rate limit exceeded',
    ],
    ['Bad Gateway', 'Bad Gateway'],
    [{ unrelated: true }, undefined],
    [null, undefined],
    ['', undefined],
  ])('%j → %s', (body, expected) => {
    expect(messageFromBody(body)).toBe(expected);
  });

  test('clips very long texts to one short line', () => {
    const message = messageFromBody('x'.repeat(5000));
    expect(message?.length).toBeLessThanOrEqual(300);
    expect(message?.endsWith('…')).toBe(true);
  });
});

describe('summariseMarkup', () => {
  test('an S3 XML error gives its Message', () => {
    expect(
      summariseMarkup(
        '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
      ),
    ).toBe('Request has expired');
  });

  test('an HTML page gives its title, entities decoded', () => {
    expect(
      summariseMarkup(
        '<html><head><title>502 Bad &amp; Gateway</title></head></html>',
      ),
    ).toBe('502 Bad & Gateway');
  });

  test('without title or heading, tags and scripts are stripped', () => {
    expect(
      summariseMarkup(
        '<div><script>alert(1)</script><p>Service   down</p></div>',
      ),
    ).toBe('Service down');
  });
});

describe('validationIssuesFrom', () => {
  test('keeps entries with a message and tolerates odd shapes', () => {
    expect(
      validationIssuesFrom({
        detail: [
          { loc: ['body', 0, { odd: true }], msg: 'bad', type: 't' },
          { msg: 'no loc' },
          'not an object',
          { loc: ['x'] },
        ],
      }),
    ).toEqual([
      { loc: ['body', 0], msg: 'bad', type: 't' },
      { loc: [], msg: 'no loc', type: '' },
    ]);
    expect(validationIssuesFrom({ detail: 'string' })).toEqual([]);
  });
});
