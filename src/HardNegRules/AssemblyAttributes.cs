using System.Runtime.CompilerServices;

// The permuters' hot path puts its buffers on the stack and writes every element before reading it: zeroing them first
// is pure cost (several KB per caption).
[module: SkipLocalsInit]
