using HardNegRules.Rules.Compilation;

namespace HardNegRules.Permutation;

/// <summary>
/// The permuter for rules read at run time: the same engine as the generated permuters, with the matcher's automaton
/// built from the compiled pack instead of compiled in.
/// </summary>
public sealed class InterpretedPermuter : RulePermuter
{
    /// <summary>Creates an interpreter over a compiled pack.</summary>
    /// <param name="pack">The pack.</param>
    public InterpretedPermuter(CompiledPack pack)
        : base(pack)
    {
    }
}
