using HardNegRules.Training.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace HardNegRules.Training.Merging;

/// <summary>
/// Weight-space interpolation of two models of one architecture (WiSE-FT, Wortsman et al. 2022):
/// theta = (1 - alpha) * theta_from + alpha * theta_to, parameter by parameter and buffer by buffer. Alpha 0 gives
/// <c>from</c> exactly and alpha 1 gives <c>to</c> exactly; in between, the merged model usually keeps most of what
/// fine-tuning added while losing less of what the other model knew.
/// </summary>
public static class WeightAveraging
{
    /// <summary>Throws unless <paramref name="alpha"/> is a number in [0, 1].</summary>
    /// <param name="alpha">The weight of the <c>to</c> model.</param>
    /// <exception cref="ArgumentOutOfRangeException">Alpha is outside [0, 1] or not a number.</exception>
    public static void ValidateAlpha(double alpha)
    {
        if (!(alpha >= 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha,
                $"alpha must be a number from 0 (the first model) to 1 (the second model); got {alpha}.");
        }
    }

    /// <summary>
    /// Writes the interpolation of <paramref name="from"/> and <paramref name="to"/> into <paramref name="target"/>'s
    /// parameters and buffers. Floating-point entries are interpolated; other entries (counters, ids) are taken from
    /// the nearer end (from for alpha &lt; 0.5, else to). The three may be the same object as <c>target</c>.
    /// </summary>
    /// <param name="target">Receives the merged weights; same architecture as the others.</param>
    /// <param name="from">The model at alpha 0.</param>
    /// <param name="to">The model at alpha 1.</param>
    /// <param name="alpha">The weight of <paramref name="to"/>, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">Alpha is outside [0, 1].</exception>
    /// <exception cref="WeightMismatchException">The models differ in an entry's name, shape or type (the message names it).</exception>
    public static void Interpolate(nn.Module target, nn.Module from, nn.Module to, double alpha)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ValidateAlpha(alpha);
        Dictionary<string, Tensor> fromState = from.state_dict();
        Dictionary<string, Tensor> toState = to.state_dict();
        Dictionary<string, Tensor> targetState = target.state_dict();
        CheckSameLayout(fromState, toState, "the first model", "the second model");
        CheckSameLayout(fromState, targetState, "the first model", "the target model");

        using (torch.no_grad())
        {
            foreach ((string name, Tensor a) in fromState)
            {
                Tensor b = toState[name];
                Tensor destination = targetState[name];
                using DisposeScope scope = torch.NewDisposeScope();
                if (!a.is_floating_point())
                {
                    destination.copy_(alpha < 0.5 ? a : b);
                    continue;
                }
                // (1 - alpha) * a + alpha * b: one multiply by exactly 1 or 0 at the ends, so alpha 0 and 1
                // reproduce the end models bit for bit (a + alpha * (b - a) would not).
                Tensor merged = a.mul(1.0 - alpha).add_(b.mul(alpha));
                destination.copy_(merged);
            }
        }
    }

    /// <summary>A new model holding the interpolation of two models of one architecture. Torch's random generator is
    /// left as it was (building the new model draws an initialisation that is then overwritten).</summary>
    /// <param name="from">The model at alpha 0.</param>
    /// <param name="to">The model at alpha 1.</param>
    /// <param name="alpha">The weight of <paramref name="to"/>, in [0, 1].</param>
    /// <returns>The merged model, on <paramref name="from"/>'s device; the caller disposes it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Alpha is outside [0, 1].</exception>
    /// <exception cref="WeightMismatchException">The architectures differ (the message names the first differing entry).</exception>
    public static ClipModel Average(ClipModel from, ClipModel to, double alpha)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ValidateAlpha(alpha);
        ClipModel merged = EmptyLike(from);
        try
        {
            Interpolate(merged, from, to, alpha);
            return merged;
        }
        catch
        {
            merged.Dispose();
            throw;
        }
    }

    /// <summary>A model of <paramref name="template"/>'s architecture and device whose weights are to be overwritten,
    /// built without disturbing torch's random generator (runs that merge mid-way stay reproducible).</summary>
    /// <param name="template">The model whose architecture to copy.</param>
    /// <returns>The new model.</returns>
    internal static ClipModel EmptyLike(ClipModel template)
    {
        using Tensor rng = torch.random.get_rng_state();
        var model = new ClipModel(template.Options);
        torch.random.set_rng_state(rng);
        Device device = template.parameters().First().device;
        if (device.type != DeviceType.CPU)
        {
            model.to(device);
        }
        return model;
    }

    /// <summary>Throws unless both state dicts hold the same names with the same shapes and element types.</summary>
    /// <param name="first">One state dict.</param>
    /// <param name="second">The other.</param>
    /// <param name="firstName">How messages name the first.</param>
    /// <param name="secondName">How messages name the second.</param>
    /// <exception cref="WeightMismatchException">A name is missing on one side, or differs in shape or type.</exception>
    public static void CheckSameLayout(IReadOnlyDictionary<string, Tensor> first, IReadOnlyDictionary<string, Tensor> second,
        string firstName, string secondName)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        foreach ((string name, Tensor a) in first)
        {
            if (!second.TryGetValue(name, out Tensor? b))
            {
                throw new WeightMismatchException(name, $"'{name}' is in {firstName} but not in {secondName}: the architectures differ.");
            }
            if (!a.shape.SequenceEqual(b.shape))
            {
                throw new WeightMismatchException(name,
                    $"'{name}' has shape {Shape(a.shape)} in {firstName} but {Shape(b.shape)} in {secondName}: the architectures differ.");
            }
            if (a.dtype != b.dtype)
            {
                throw new WeightMismatchException(name, $"'{name}' is {a.dtype} in {firstName} but {b.dtype} in {secondName}.");
            }
        }
        foreach (string name in second.Keys.Where(n => !first.ContainsKey(n)))
        {
            throw new WeightMismatchException(name, $"'{name}' is in {secondName} but not in {firstName}: the architectures differ.");
        }
    }

    private static string Shape(IEnumerable<long> shape) => $"[{string.Join(", ", shape)}]";
}
