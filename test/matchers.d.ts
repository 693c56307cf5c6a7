// Makes cdktf's jest matchers (registered in test/setup.ts) known to the type checker.
import 'cdktf/lib/testing/adapters/jest';
