using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HardNegRules.Rules.Parsing;

/// <summary>
/// A YAML parser that stops at the first collection nested deeper than a limit. YamlDotNet's parser is a state machine
/// and never recurses, but building the node tree does, once per level: counting the events before they reach the tree
/// keeps a file of thousands of nested brackets from overflowing the stack.
/// </summary>
internal sealed class DepthLimitedParser : IParser
{
    private readonly IParser _inner;
    private readonly int _maxDepth;
    private int _depth;

    public DepthLimitedParser(IParser inner, int maxDepth)
    {
        _inner = inner;
        _maxDepth = maxDepth;
    }

    /// <summary>Where the limit was crossed, or null while it has not been.</summary>
    public ParsingEvent? TooDeep { get; private set; }

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        if (!_inner.MoveNext())
        {
            return false;
        }

        switch (_inner.Current)
        {
            case MappingStart or SequenceStart:
                if (++_depth > _maxDepth)
                {
                    TooDeep = _inner.Current;
                    throw new YamlException(_inner.Current.Start, _inner.Current.End, "nested too deeply");
                }

                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}
