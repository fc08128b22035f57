// skiff command line: parses the subcommand and hands over to its action.

const usage = `usage: skiff <command> [flags]

commands:
  server    run the control plane (and, unless --disable-agent, a node agent)
  kubectl   run kubectl against this machine's cluster
  version   print the version
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'server': {
      const { runServer } = await import('./server.ts');
      return runServer(rest);
    }
    case 'kubectl': {
      const { runKubectl } = await import('./kubectl.ts');
      return runKubectl(rest);
    }
    case 'version':
    case '--version':
      console.log('skiff v0.1.0 (Kubernetes v1.32.0)');
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(usage);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`skiff: unknown command "${command}"\n${usage}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => { if (code !== 0) process.exitCode = code; },
  (err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`skiff: ${msg}\n`);
    process.exitCode = 1;
  },
);
