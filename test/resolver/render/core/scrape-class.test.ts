import { context, prometheus } from './helpers';
import {
  isZeroValue, mergeAttachMetadata, mergeAuthorization, mergeSafeAuthorization, mergeTLSConfig, scrapeClassFor,
} from '../../../../src/resolver/render/scrape/scrape-class';

const CLASSES = [
  { name: 'default', default: true, tlsConfig: { caFile: '/ca', certFile: '/cert', keyFile: '/key' } },
  { name: 'other', authorization: { credentialsFile: '/token' }, attachMetadata: { node: true } },
];

describe('scrape classes', () => {
  test('the named class, else the default one, else an empty class', () => {
    const ctx = context(prometheus({ scrapeClasses: CLASSES }));
    expect(scrapeClassFor(ctx, 'other').name).toBe('other');
    expect(scrapeClassFor(ctx, 'missing').name).toBe('default');
    expect(scrapeClassFor(ctx, undefined).name).toBe('default');
    expect(scrapeClassFor(context(prometheus()), undefined)).toEqual({ name: '' });
  });

  test('TLS: the class fills the files the monitor does not set by file or reference', () => {
    const cls = CLASSES[0];
    expect(mergeTLSConfig(undefined, cls)).toBe(cls.tlsConfig);
    expect(mergeTLSConfig({ ca: { secret: { name: 's', key: 'ca' } } }, cls)).toEqual({
      ca: { secret: { name: 's', key: 'ca' } }, certFile: '/cert', keyFile: '/key',
    });
    expect(mergeTLSConfig({ insecureSkipVerify: true }, { name: 'x' })).toEqual({ insecureSkipVerify: true });
  });

  test('authorization: the class supplies missing credentials; an empty one counts as absent', () => {
    const cls = CLASSES[1];
    expect(mergeSafeAuthorization({}, cls)).toBe(cls.authorization);
    expect(mergeAuthorization({ type: 'Bearer' }, cls)).toEqual({ type: 'Bearer', credentials: undefined, credentialsFile: '/token' });
    const own = { credentials: { name: 's', key: 't' } };
    expect(mergeAuthorization(own, cls)).toEqual(own);
  });

  test('attach metadata comes from the monitor first, then the class', () => {
    expect(mergeAttachMetadata(undefined, CLASSES[1], '2.37.0')).toEqual({ minimumVersion: '2.37.0', node: true });
    expect(mergeAttachMetadata({ node: false }, CLASSES[1], '2.35.0')).toEqual({ minimumVersion: '2.35.0', node: false });
    expect(mergeAttachMetadata(undefined, CLASSES[0], '2.35.0')).toBeUndefined();
  });

  test('zero values', () => {
    expect(isZeroValue({ ca: {}, serverName: '' })).toBe(true);
    expect(isZeroValue({ insecureSkipVerify: false })).toBe(true);
    expect(isZeroValue({ insecureSkipVerify: true })).toBe(false);
  });
});
