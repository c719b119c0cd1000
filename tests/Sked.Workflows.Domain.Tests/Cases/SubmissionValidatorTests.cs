using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Domain.Text;

namespace Sked.Workflows.Domain.Tests.Cases;

public sealed class SubmissionValidatorTests
{
    private static readonly CitizenInput Citizen = new("مریم احمدی", null, "09123456789", null);

    private static CaseSubmission Complaint() => new()
    {
        Type = CaseTypes.Complaint,
        Subject = "قطعی مکرر برق",
        Body = "برق خیابان ما هر شب چند بار قطع می‌شود.",
        Citizen = Citizen,
    };

    private static CaseSubmission Report() => new()
    {
        Type = CaseTypes.PublicReport,
        Subject = "سیم افتاده در کوچه",
        Body = "یک سیم برق روی زمین افتاده و خطرناک است.",
        Category = ReportCategories.Hazard,
        Location = new LocationInput(null, null, "کرمان، خیابان جمهوری، کوچه ۱۲"),
    };

    private static CaseSubmission Letter() => new()
    {
        Type = CaseTypes.Letter,
        Subject = "درخواست جابه‌جایی تیر برق",
        Body = string.Empty,
        Citizen = Citizen with { NationalCode = "0012345679" },
        LetterNumber = "۱۲۳/ص/۴۵",
        LetterDate = "۱۴۰۵/۰۹/۰۷",
    };

    private static CaseSubmission CeoQuestion() => Complaint() with
    {
        Type = CaseTypes.CeoQuestion,
        Subject = "تعرفه برق",
        AnswerType = AnswerTypes.Public,
    };

    [Fact]
    public void Check_WhenAComplaintIsComplete_IsValid()
    {
        var check = SubmissionValidator.Check(Complaint());

        Assert.True(check.IsValid, string.Join("; ", check.Errors.Keys));
    }

    [Fact]
    public void Check_WhenEveryFieldIsMissing_KeysEachErrorByItsJsonPath()
    {
        var check = SubmissionValidator.Check(new CaseSubmission { Type = CaseTypes.Complaint });

        Assert.Equal(["body", "citizen.mobile", "citizen.name", "subject"], check.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_WhenFieldsAreWrong_WritesEveryMessageInPersian()
    {
        var check = SubmissionValidator.Check(new CaseSubmission
        {
            Type = CaseTypes.Letter,
            Subject = "ab",
            Citizen = new CitizenInput(null, "123", "12", "not-an-email"),
            LetterDate = "1405/13/40",
        });

        Assert.NotEmpty(check.Errors);
        Assert.All(check.Errors.Values.SelectMany(m => m).Select(Catalogue.Render), message =>
            Assert.True(message.Any(c => c is >= '\u0600' and <= '\u06FF'), $"'{message}' is not Persian."));
    }

    [Fact]
    public void Check_WhenFieldsAreWrong_ReturnsCodesThatRenderAsTheFormsSentences()
    {
        var check = SubmissionValidator.Check(Complaint() with { Subject = "ab", Citizen = Citizen with { Mobile = null } });

        Assert.Equal(SubmissionErrors.MobileRequired, Assert.Single(check.Errors["citizen.mobile"]).Code);
        Assert.Equal(["شماره همراه را وارد کنید."], FieldErrors.Render(check.Errors)["citizen.mobile"]);
        Assert.Equal(["موضوع باید دست‌کم ۳ نویسه باشد."], FieldErrors.Render(check.Errors)["subject"]);
    }

    [Fact]
    public void Check_WhenTheTypeIsUnknown_ReportsOnlyTheType()
    {
        var check = SubmissionValidator.Check(Complaint() with { Type = "praise" });

        Assert.Equal(["type"], check.Errors.Keys);
    }

    [Fact]
    public void Check_WhenTheNationalCodeIsBad_KeepsTheOtherFieldsNormalised()
    {
        var check = SubmissionValidator.Check(Complaint() with
        {
            Subject = "  قطعي   مكرر برق ",
            Citizen = new CitizenInput(" علي  كريمي ", "0012345678", "+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹", " ali@example.com "),
        });

        Assert.Equal(["citizen.nationalCode"], check.Errors.Keys);
        Assert.Equal("قطعی مکرر برق", check.Submission.Subject);
        Assert.Equal("علی کریمی", check.Submission.Citizen!.Name);
        Assert.Equal("09123456789", check.Submission.Citizen.Mobile);
        Assert.Equal("ali@example.com", check.Submission.Citizen.Email);
    }

    [Fact]
    public void Check_WhenTextIsTypedWithArabicLettersAndExtraSpaces_NormalisesIt()
    {
        var check = SubmissionValidator.Check(Complaint() with
        {
            Subject = "  شكايت   از قبض ",
            Body = "مبلغ قبض اين ماه\u00A0\u00A0دو برابر شده است.",
        });

        Assert.True(check.IsValid);
        Assert.Equal("شکایت از قبض", check.Submission.Subject);
        Assert.Equal("مبلغ قبض این ماه دو برابر شده است.", check.Submission.Body);
    }

    [Fact]
    public void Check_WhenTheMobileIsTypedWithPersianDigits_StoresTheZeroNineForm()
    {
        var check = SubmissionValidator.Check(Complaint() with { Citizen = Citizen with { Mobile = "۰۹۱۲ ۳۴۵ ۶۷۸۹" } });

        Assert.True(check.IsValid);
        Assert.Equal("09123456789", check.Submission.Citizen!.Mobile);
    }

    [Fact]
    public void Check_WhenTheMobileIsNotAMobile_ReportsCitizenMobile()
    {
        var check = SubmissionValidator.Check(Complaint() with { Citizen = Citizen with { Mobile = "03412345678" } });

        Assert.Equal(["citizen.mobile"], check.Errors.Keys);
    }

    [Fact]
    public void Check_WhenTheBodyIsTooShort_ReportsBody()
    {
        var check = SubmissionValidator.Check(Complaint() with { Body = "برق نیست" });

        Assert.Equal(["body"], check.Errors.Keys);
    }

    [Fact]
    public void Check_WhenAPublicReportIsAnonymous_NeedsNoNameOrMobile()
    {
        var check = SubmissionValidator.Check(Report() with { Anonymous = true });

        Assert.True(check.IsValid, string.Join("; ", check.Errors.Keys));
    }

    [Fact]
    public void Check_WhenAPublicReportIsNotAnonymous_NeedsNameAndMobile()
    {
        var check = SubmissionValidator.Check(Report());

        Assert.Equal(["citizen.mobile", "citizen.name"], check.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_WhenAComplaintIsMarkedAnonymous_StillNeedsNameAndMobile()
    {
        var check = SubmissionValidator.Check(Complaint() with { Anonymous = true, Citizen = null });

        Assert.Equal(["citizen.mobile", "citizen.name"], check.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_WhenAPublicReportHasNoKnownCategory_ReportsCategory()
    {
        var check = SubmissionValidator.Check(Report() with { Anonymous = true, Category = "noise" });

        Assert.Equal(["category"], check.Errors.Keys);
    }

    [Fact]
    public void Check_WhenAPublicReportHasNeitherAddressNorPoint_ReportsTheAddress()
    {
        var check = SubmissionValidator.Check(Report() with { Anonymous = true, Location = null });

        Assert.Equal(["location.address"], check.Errors.Keys);
    }

    [Fact]
    public void Check_WhenAPublicReportHasOnlyAMapPoint_IsValid()
    {
        var check = SubmissionValidator.Check(Report() with { Anonymous = true, Location = new LocationInput(30.28, 57.08, null) });

        Assert.True(check.IsValid, string.Join("; ", check.Errors.Keys));
    }

    [Fact]
    public void Check_WhenAPublicReportPointIsOffTheMap_ReportsLocation()
    {
        var check = SubmissionValidator.Check(Report() with { Anonymous = true, Location = new LocationInput(130, 57.08, null) });

        Assert.Contains("location", check.Errors.Keys);
    }

    [Fact]
    public void Check_WhenACeoQuestionHasNoAnswerType_ReportsAnswerType()
    {
        var check = SubmissionValidator.Check(CeoQuestion() with { AnswerType = null });

        Assert.Equal(["answerType"], check.Errors.Keys);
    }

    [Fact]
    public void Check_WhenACeoQuestionHasAnUnknownAnswerType_ReportsAnswerType()
    {
        var check = SubmissionValidator.Check(CeoQuestion() with { AnswerType = "secret" });

        Assert.Equal(["answerType"], check.Errors.Keys);
    }

    [Theory]
    [InlineData(AnswerTypes.Private)]
    [InlineData(AnswerTypes.Public)]
    public void Check_WhenACeoQuestionHasAnAnswerType_IsValid(string answerType)
    {
        var check = SubmissionValidator.Check(CeoQuestion() with { AnswerType = answerType });

        Assert.True(check.IsValid, string.Join("; ", check.Errors.Keys));
    }

    [Fact]
    public void Check_WhenALetterIsComplete_IsValidWithAsciiNumberAndDate()
    {
        var check = SubmissionValidator.Check(Letter());

        Assert.True(check.IsValid, string.Join("; ", check.Errors.Keys));
        Assert.Equal("123/ص/45", check.Submission.LetterNumber);
        Assert.Equal("1405/09/07", check.Submission.LetterDate);
    }

    [Fact]
    public void Check_WhenALetterHasNoNationalCodeNumberOrDate_ReportsAllThree()
    {
        var check = SubmissionValidator.Check(Letter() with
        {
            Citizen = Citizen,
            LetterNumber = null,
            LetterDate = null,
        });

        Assert.Equal(["citizen.nationalCode", "letterDate", "letterNumber"], check.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("1405/13/01")]
    [InlineData("1404/12/30")]
    [InlineData("2026/11/28")]
    [InlineData("دیروز")]
    public void Check_WhenALetterDateIsNotAJalaliDate_ReportsLetterDate(string date)
    {
        var check = SubmissionValidator.Check(Letter() with { LetterDate = date });

        Assert.Equal(["letterDate"], check.Errors.Keys);
    }

    [Fact]
    public void Check_WhenAnEmailInquiryHasNoEmail_ReportsCitizenEmail()
    {
        var check = SubmissionValidator.Check(new CaseSubmission
        {
            Type = CaseTypes.EmailInquiry,
            Subject = "ساعت کاری دفتر",
            Body = "ساعت کاری دفتر روابط عمومی چیست؟",
        });

        Assert.Equal(["citizen.email"], check.Errors.Keys);
    }
}
