/** What `shardcheck --help` prints. */
export const USAGE = `Usage: shardcheck [command] [options]

Simulates the AWS Lambda event source mapping over DynamoDB Streams in virtual time
and runs a real handler against it.

Commands:
  demo        Run the built-in scenario against the example projection handler,
              print its trace, and check the projection (default)
  help        Print this help

Options:
  -h, --help  Print this help
`;
