namespace Sked.Workflows.Web.Components.Display;

/// <summary>The catalogue codes of the table pager's labels (<c>pager.*</c> in Catalogue.resx).</summary>
public static class PagerTexts
{
    /// <summary>{0}-{1} of {2}: the first and last row shown and the number of rows.</summary>
    public const string Info = "pager.info";

    /// <summary>{0}-{1} of more than {2}: the list was counted only up to {2}.</summary>
    public const string InfoMoreThan = "pager.info-more-than";
    public const string RowsPerPage = "pager.rows-per-page";
    public const string First = "pager.first";
    public const string Previous = "pager.previous";
    public const string Next = "pager.next";
    public const string Last = "pager.last";
}
