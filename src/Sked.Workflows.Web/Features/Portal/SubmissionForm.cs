using System.Globalization;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Web.Features.Portal;

/// <summary>What a citizen's form posts; kept as typed text so a rejected form shows it back unchanged.</summary>
public sealed class SubmissionForm
{
    public string? Type { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public string? Name { get; set; }
    public string? NationalCode { get; set; }
    public string? Mobile { get; set; }
    public string? Email { get; set; }
    public string? AnswerType { get; set; }
    public string? Category { get; set; }
    public string? Address { get; set; }
    public string? Lat { get; set; }
    public string? Lng { get; set; }
    public bool Anonymous { get; set; }

    /// <summary>"1" once the form has shown FAQ answers for the subject, so the next submit creates the case.</summary>
    public string? Deflected { get; set; }

    /// <summary>A field people never see; a bot that fills it is turned away.</summary>
    public string? Website { get; set; }

    public CaseSubmission ToSubmission(string type) => new()
    {
        Type = type,
        Subject = Subject,
        Body = Body,
        Citizen = Anonymous ? null : new CitizenInput(Name, NationalCode, Mobile, Email),
        AnswerType = AnswerType,
        Category = Category,
        Anonymous = Anonymous,
        Location = type == CaseTypes.PublicReport ? new LocationInput(Coordinate(Lat), Coordinate(Lng), Address) : null,
    };

    private static double? Coordinate(string? text) =>
        double.TryParse(PersianText.ToAsciiDigits(text), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;
}
