using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Infrastructure.Workflows;

/// <summary>Makes the case row from a validated, normalised submission.</summary>
internal static class CaseFactory
{
    public static CaseFile Create(CaseSubmission submission, string trackingCode, DateTimeOffset now) => new()
    {
        TrackingCode = trackingCode,
        Type = submission.Type!,
        Subject = submission.Subject ?? string.Empty,
        Body = submission.Body ?? string.Empty,
        Citizen = new CitizenContact
        {
            Name = submission.Citizen?.Name,
            NationalCode = submission.Citizen?.NationalCode,
            Mobile = submission.Citizen?.Mobile,
            Email = submission.Citizen?.Email,
        },
        Category = submission.Type == CaseTypes.PublicReport ? submission.Category : null,
        AnswerType = submission.Type == CaseTypes.CeoQuestion ? submission.AnswerType : null,
        Latitude = submission.Location?.Lat,
        Longitude = submission.Location?.Lng,
        Address = string.IsNullOrEmpty(submission.Location?.Address) ? null : submission.Location.Address,
        Anonymous = submission.Type == CaseTypes.PublicReport && submission.Anonymous,
        LetterNumber = string.IsNullOrEmpty(submission.LetterNumber) ? null : submission.LetterNumber,
        LetterDate = string.IsNullOrEmpty(submission.LetterDate) ? null : PersianText.ToAsciiDigits(submission.LetterDate),
        CreatedAt = now,
    };
}
