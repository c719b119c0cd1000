using System.Globalization;
using System.Text;

namespace Sked.Workflows.Benchmarks.Ratios;

/// <summary>
/// A Markdown table of one configuration's figures over its repetitions: each row is a figure as
/// min / median / max, the reference it is compared with beside it, and the ratio taken repetition by repetition.
/// </summary>
internal sealed class RatioTable(string title)
{
    private readonly StringBuilder _rows = new();

    /// <summary>A figure with its reference and their ratio (figure ÷ reference per repetition).</summary>
    public RatioTable Compare(string figure, IReadOnlyList<double> values, string reference, IReadOnlyList<double> references, string format = "0.0")
    {
        var ratios = values.Zip(references, (v, r) => r == 0 ? double.NaN : v / r);
        _rows.Append(CultureInfo.InvariantCulture, $"| {figure} | {Spread.Of(values).Format(format)} | {reference}: {Spread.Of(references).Format(format)} | {Spread.Of(ratios).Format("0.000")} |").AppendLine();
        return this;
    }

    /// <summary>A figure without a reference.</summary>
    public RatioTable Add(string figure, IEnumerable<double> values, string format = "0.0")
    {
        _rows.Append(CultureInfo.InvariantCulture, $"| {figure} | {Spread.Of(values).Format(format)} | | |").AppendLine();
        return this;
    }

    public override string ToString() =>
        new StringBuilder().AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**{title}**").AppendLine()
            .AppendLine("| figure | min / median / max | reference (min / median / max) | ratio (min / median / max) |")
            .AppendLine("|---|---:|---:|---:|")
            .Append(_rows).ToString();
}
