using System.Globalization;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>The smallest, middle and largest of a figure's repetitions.</summary>
internal sealed record Spread(double Min, double Median, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? new Spread(double.NaN, double.NaN, double.NaN) : new Spread(sorted[0], sorted[sorted.Length / 2], sorted[^1]);
    }

    public string Format(string format) => string.Create(CultureInfo.InvariantCulture,
        $"{Min.ToString(format, CultureInfo.InvariantCulture)} / {Median.ToString(format, CultureInfo.InvariantCulture)} / {Max.ToString(format, CultureInfo.InvariantCulture)}");
}
