// Tests for the apimachinery string rules and their exact messages.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isDomainPrefixedPath, isEnvVarName,
  isFullyQualifiedDomainName, isQualifiedName, isRelaxedEnvVarName, isValidCIDR, isValidIP, isValidLabelValue,
  isValidPathSegmentName, isValidPercent, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, nameIsDNSLabel,
  nameIsDNSSubdomain, parseCIDR, parseIP,
} from './names.ts';

const subdomainMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('DNS names', () => {
  it('subdomains', () => {
    assert.deepEqual(isDNS1123Subdomain('example.com'), []);
    assert.deepEqual(isDNS1123Subdomain('My-App'), [subdomainMsg]);
    assert.deepEqual(isDNS1123Subdomain('a'.repeat(254)), ['must be no more than 253 characters']);
    assert.deepEqual(isDNS1123Subdomain('-x'), [subdomainMsg]);
  });
  it('labels, with the dot hint and Go spacing', () => {
    assert.deepEqual(isDNS1123Label('web-1'), []);
    assert.deepEqual(isDNS1123Label('a.b'), ['must not contain dots']);
    assert.deepEqual(isDNS1123Label('Web'), [labelMsg]);
    assert.deepEqual(isDNS1123Label('a'.repeat(64)), ['must be no more than 63 characters']);
  });
  it('DNS-1035 labels start with a letter', () => {
    assert.deepEqual(isDNS1035Label('svc'), []);
    assert.deepEqual(isDNS1035Label('1svc'), ["a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"]);
  });
  it('wildcards', () => {
    assert.deepEqual(isWildcardDNS1123Subdomain('*.example.com'), []);
    assert.equal(isWildcardDNS1123Subdomain('*.*.example.com').length, 1);
  });
  it('generateName prefixes may end with a dash', () => {
    assert.deepEqual(nameIsDNSSubdomain('web-', true), []);
    assert.deepEqual(nameIsDNSLabel('web-', true), []);
    assert.deepEqual(nameIsDNSSubdomain('web-', false), [subdomainMsg]);
  });
  it('fully qualified domain names', () => {
    assert.deepEqual(isFullyQualifiedDomainName('f', 'example.com.'), []);
    assert.equal(isFullyQualifiedDomainName('f', 'localhost')[0].detail, 'should be a domain with at least two segments separated by dots');
  });
});

describe('qualified names and label values', () => {
  it('accepts prefixed and plain keys', () => {
    assert.deepEqual(isQualifiedName('app.kubernetes.io/name'), []);
    assert.deepEqual(isQualifiedName('MyName'), []);
  });
  it('reports each part', () => {
    assert.deepEqual(isQualifiedName('/x'), ['prefix part must be non-empty']);
    assert.deepEqual(isQualifiedName('Example.com/x'), [`prefix part ${subdomainMsg}`]);
    assert.deepEqual(isQualifiedName('a/b/c'), ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]);
    assert.deepEqual(isQualifiedName('x/'), ['name part must be non-empty', "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]);
    assert.equal(isQualifiedName('a'.repeat(64))[0], 'name part must be no more than 63 characters');
  });
  it('label values', () => {
    assert.deepEqual(isValidLabelValue(''), []);
    assert.deepEqual(isValidLabelValue('v1.2_x'), []);
    assert.deepEqual(isValidLabelValue('-bad'), ["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]);
  });
});

describe('ports, keys, env names, paths', () => {
  it('port numbers and names', () => {
    assert.deepEqual(isValidPortNum(80), []);
    assert.deepEqual(isValidPortNum(0), ['must be between 1 and 65535, inclusive']);
    assert.deepEqual(isValidPortNum(70000), ['must be between 1 and 65535, inclusive']);
    assert.deepEqual(isValidPortName('http'), []);
    assert.deepEqual(isValidPortName('HTTP'), ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']);
    assert.deepEqual(isValidPortName('-a--b-'), ['must not contain consecutive hyphens', 'must not begin or end with a hyphen']);
    assert.deepEqual(isValidPortName('a-very-long-port-name'), ['must be no more than 15 characters']);
  });
  it('config map keys', () => {
    assert.deepEqual(isConfigMapKey('app.properties'), []);
    assert.deepEqual(isConfigMapKey('..data'), ["must not start with '..'"]);
    assert.deepEqual(isConfigMapKey('a b'), ["a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]);
  });
  it('environment variable names', () => {
    assert.deepEqual(isRelaxedEnvVarName('1ST-VAR.x'), []);
    assert.deepEqual(isRelaxedEnvVarName('A=B'), ["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
    assert.deepEqual(isRelaxedEnvVarName(''), ['environment variable name must be non-empty']);
    assert.equal(isEnvVarName('1ST').length, 1);
  });
  it('path segments, percents and domain-prefixed paths', () => {
    assert.deepEqual(isValidPathSegmentName('..'), ["may not be '..'"]);
    assert.deepEqual(isValidPathSegmentName('a/b%'), ["may not contain '/'", "may not contain '%'"]);
    assert.deepEqual(isValidPercent('25%'), []);
    assert.equal(isValidPercent('25').length, 1);
    assert.deepEqual(isDomainPrefixedPath('spec.controller', 'example.com/ingress'), []);
    assert.equal(isDomainPrefixedPath('spec.controller', 'nginx')[0].detail, 'must be a domain-prefixed path (such as "acme.io/foo")');
  });
});

describe('IPs and CIDRs', () => {
  it('parses IPv4, IPv6 and mapped forms', () => {
    assert.equal(parseIP('10.0.0.1')?.family, 4);
    assert.equal(parseIP('010.000.000.001')?.family, 4);
    assert.equal(parseIP('2001:db8::1')?.family, 6);
    assert.equal(parseIP('::ffff:1.2.3.4')?.family, 4);
    assert.equal(parseIP('::')?.family, 6);
    assert.equal(parseIP('1.2.3'), undefined);
    assert.equal(parseIP('1:2:3:4:5:6:7:8:9'), undefined);
  });
  it('reports invalid IPs and CIDRs with Kubernetes messages', () => {
    assert.deepEqual(isValidIP('spec.clusterIP', '10.0.0.1'), []);
    assert.equal(isValidIP('x', '300.1.1.1')[0].detail, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)');
    assert.deepEqual(isValidCIDR('x', '10.0.0.0/8'), []);
    assert.equal(isValidCIDR('x', '10.0.0.0/33')[0].detail, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)');
    assert.equal(parseCIDR('2001:db8::/64')?.prefix, 64);
  });
});
