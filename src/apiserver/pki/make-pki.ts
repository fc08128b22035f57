// Child-process entry that creates the cluster's missing certificates (see ensureClusterPKI).

import { makeClusterPKI, type PKIOptions } from './cluster-pki.ts';

const opts = JSON.parse(process.argv[2] ?? '{}') as PKIOptions;
await makeClusterPKI(opts);
