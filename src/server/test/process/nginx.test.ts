import { describe, expect, it } from 'vitest';
import { localNginxSite, readmeNginxConfig } from './nginx.ts';

describe('#readmeNginxConfig', () => {
  it("reads README.md's nginx block, which keeps upstream connections and names the client", () => {
    const config = readmeNginxConfig();
    for (const directive of [
      'keepalive 16;',
      'proxy_http_version 1.1;',
      'proxy_set_header Connection "";',
      'proxy_set_header Host $host;',
      'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
      'proxy_set_header X-Forwarded-Proto $scheme;',
      'client_max_body_size 6m;',
    ]) {
      expect(config).toContain(directive);
    }
  });

  it('refuses a README without the marked block', () => {
    expect(() => readmeNginxConfig('# Leadline\n')).toThrow(/nginx-config:begin/);
  });
});

describe('#localNginxSite', () => {
  const readme = [
    'upstream leadline {',
    '    server 10.0.0.11:3000;',
    '    server 10.0.0.12:3000;',
    '    keepalive 16;',
    '}',
    'server {',
    '    listen 443 ssl;',
    '    server_name crm.example.com;',
    '    ssl_certificate     /etc/ssl/crm.pem;',
    '    location / {',
    '        proxy_pass http://leadline;',
    '    }',
    '}',
  ].join('\n');

  it('swaps in the local nodes and port, drops TLS, and keeps every other line as written', () => {
    expect(
      localNginxSite(readme, { port: 8080, upstreams: ['127.0.0.1:4001', '127.0.0.1:4002'] }),
    ).toBe(
      [
        'upstream leadline {',
        '    server 127.0.0.1:4001;',
        '    server 127.0.0.1:4002;',
        '    keepalive 16;',
        '}',
        'server {',
        '    listen 127.0.0.1:8080;',
        '    server_name crm.example.com;',
        '    location / {',
        '        proxy_pass http://leadline;',
        '    }',
        '}',
      ].join('\n'),
    );
  });

  it('refuses a block with nothing to point at the nodes', () => {
    expect(() => localNginxSite('server {\n    listen 80;\n}', { port: 1, upstreams: [] })).toThrow(
      /no upstream servers/,
    );
  });
});
