using System.Net.Mail;
using Sked.Workflows.Domain.Calendar;
using Sked.Workflows.Domain.Citizens;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Cases;

/// <summary>
/// Normalises a submission and collects every field error at once, as codes (<see cref="SubmissionErrors"/>)
/// keyed by the field's JSON path, so a form can show each message next to its field and keep what was typed.
/// </summary>
public static class SubmissionValidator
{
    public const int SubjectMax = 200;
    public const int BodyMax = 4000;
    public const int NameMax = 100;
    public const int AddressMax = 500;

    public static SubmissionCheck Check(CaseSubmission input)
    {
        var errors = new FieldErrors();
        var type = input.Type?.Trim();
        if (!CaseTypes.IsKnown(type))
        {
            errors.Add("type", SubmissionErrors.TypeUnknown);
            return new SubmissionCheck(input, errors.ToMessages());
        }

        var normalized = input with
        {
            Type = type,
            Subject = PersianText.Normalize(input.Subject),
            Body = PersianText.Normalize(input.Body),
            Category = input.Category?.Trim(),
            AnswerType = input.AnswerType?.Trim(),
            LetterNumber = PersianText.ToAsciiDigits(PersianText.Normalize(input.LetterNumber)),
            LetterDate = PersianText.ToAsciiDigits(input.LetterDate?.Trim()),
            Location = input.Location is null ? null : input.Location with { Address = PersianText.Normalize(input.Location.Address) },
        };

        CheckText(errors, "subject", normalized.Subject, 3, SubjectMax, SubmissionErrors.SubjectLabel);
        CheckText(errors, "body", normalized.Body, type == CaseTypes.Letter ? 0 : 10, BodyMax, SubmissionErrors.BodyLabel);
        var citizen = CheckCitizen(errors, normalized, type!);
        CheckTypeSpecific(errors, normalized, type!);
        return new SubmissionCheck(normalized with { Citizen = citizen }, errors.ToMessages());
    }

    private static void CheckText(FieldErrors errors, string field, string? value, int min, int max, string labelCode)
    {
        var length = value?.Length ?? 0;
        var label = Message.Of(labelCode);
        if (length == 0 && min > 0)
        {
            errors.Add(field, SubmissionErrors.TextRequired, label);
        }
        else if (length < min)
        {
            errors.Add(field, SubmissionErrors.TextTooShort, label, min);
        }
        else if (length > max)
        {
            errors.Add(field, SubmissionErrors.TextTooLong, label, max);
        }
    }

    private static CitizenInput CheckCitizen(FieldErrors errors, CaseSubmission input, string type)
    {
        var raw = input.Citizen ?? new CitizenInput(null, null, null, null);
        var name = PersianText.Normalize(raw.Name);
        var contactRequired = !(type == CaseTypes.PublicReport && input.Anonymous) && type != CaseTypes.EmailInquiry;

        if (contactRequired && name.Length == 0)
        {
            errors.Add("citizen.name", SubmissionErrors.NameRequired);
        }
        else if (name.Length > NameMax)
        {
            errors.Add("citizen.name", SubmissionErrors.NameTooLong);
        }

        string? nationalCode = null;
        if (!string.IsNullOrWhiteSpace(raw.NationalCode))
        {
            if (NationalCode.TryNormalize(raw.NationalCode, out var code))
            {
                nationalCode = code;
            }
            else
            {
                errors.Add("citizen.nationalCode", SubmissionErrors.NationalCodeInvalid);
            }
        }
        else if (type == CaseTypes.Letter)
        {
            errors.Add("citizen.nationalCode", SubmissionErrors.NationalCodeRequired);
        }

        string? mobile = null;
        if (!string.IsNullOrWhiteSpace(raw.Mobile))
        {
            if (MobileNumber.TryNormalize(raw.Mobile, out var number))
            {
                mobile = number;
            }
            else
            {
                errors.Add("citizen.mobile", SubmissionErrors.MobileInvalid);
            }
        }
        else if (contactRequired)
        {
            errors.Add("citizen.mobile", SubmissionErrors.MobileRequired);
        }

        var email = CheckEmail(errors, raw.Email, type == CaseTypes.EmailInquiry);
        return new CitizenInput(name.Length == 0 ? null : name, nationalCode, mobile, email);
    }

    private static string? CheckEmail(FieldErrors errors, string? raw, bool required)
    {
        var email = raw?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            if (required)
            {
                errors.Add("citizen.email", SubmissionErrors.EmailRequired);
            }

            return null;
        }

        if (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            errors.Add("citizen.email", SubmissionErrors.EmailInvalid);
            return null;
        }

        return email;
    }

    private static void CheckTypeSpecific(FieldErrors errors, CaseSubmission input, string type)
    {
        switch (type)
        {
            case CaseTypes.CeoQuestion when !AnswerTypes.IsKnown(input.AnswerType):
                errors.Add("answerType", SubmissionErrors.AnswerTypeRequired);
                break;
            case CaseTypes.PublicReport:
                CheckReport(errors, input);
                break;
            case CaseTypes.Letter:
                if (string.IsNullOrEmpty(input.LetterNumber))
                {
                    errors.Add("letterNumber", SubmissionErrors.LetterNumberRequired);
                }
                else if (input.LetterNumber.Length > 50)
                {
                    errors.Add("letterNumber", SubmissionErrors.LetterNumberTooLong);
                }

                if (!JalaliDate.TryParse(input.LetterDate, out _))
                {
                    errors.Add("letterDate", SubmissionErrors.LetterDateInvalid);
                }

                break;
        }
    }

    private static void CheckReport(FieldErrors errors, CaseSubmission input)
    {
        if (!ReportCategories.IsKnown(input.Category))
        {
            errors.Add("category", SubmissionErrors.CategoryRequired);
        }

        var location = input.Location;
        var hasPoint = location?.Lat is not null && location.Lng is not null;
        if (hasPoint && (location!.Lat is < -90 or > 90 || location.Lng is < -180 or > 180
            || double.IsNaN(location.Lat!.Value) || double.IsNaN(location.Lng!.Value)))
        {
            errors.Add("location", SubmissionErrors.LocationInvalid);
        }

        var address = location?.Address ?? string.Empty;
        if (!hasPoint && address.Length == 0)
        {
            errors.Add("location.address", SubmissionErrors.AddressRequired);
        }
        else if (address.Length > AddressMax)
        {
            errors.Add("location.address", SubmissionErrors.AddressTooLong);
        }
    }
}

/// <summary>The normalised submission and its field errors as codes (empty when valid).</summary>
public sealed record SubmissionCheck(CaseSubmission Submission, IReadOnlyDictionary<string, Message[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
