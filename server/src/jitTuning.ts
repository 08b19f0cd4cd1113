// V8's optimizing compiler, tuned for this analyzer before any of it is compiled: imported first by the entry points
// (server, CLI). The analysis is many mid-sized functions; with V8's default budget for inlining into one function
// (920 bytes of bytecode), each thread spent 1.5-1.9 s of its first 1,000 articles compiling, with 200 1.2-1.3 s,
// and analyzed as fast afterwards (test on 2,000 articles, three runs of each in turn). Process-wide, so the
// worker threads started later compile the same way.
import { setFlagsFromString } from 'v8';

setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
