using Bogus;
using Sked.Workflows.Domain.Cases;

namespace Sked.Workflows.Infrastructure.Demo;

/// <summary>A demo message and the department that would really answer it (the e-desk routes it there).</summary>
public sealed record DemoMessage(CaseSubmission Submission, string Department);

/// <summary>
/// Believable Persian submissions for demo data: each type has its own bank of messages, each
/// message belongs to the department that answers such a thing (a bill question goes to billing,
/// a fallen wire to safety), and the bodies read like a citizen wrote them: a place, a time, what
/// happened, what they ask. {0} is a street, {1} a town of the company's area, {2} a small number.
/// </summary>
public static class DemoSubmissions
{
    private sealed record Sample(string Department, string Subject, string[] Bodies, string? Category = null);

    private static readonly string[] Towns = ["جیرفت", "کهنوج", "عنبرآباد", "رودبار جنوب", "قلعه گنج", "منوجان", "فاریاب", "ارزوئیه"];

    private static readonly string[] Streets =
    [
        "خیابان امام خمینی، کوچه ۱۴", "بلوار شهید بهشتی، نبش کوچه نسترن", "خیابان طالقانی، کوچه شهید رجایی", "میدان آزادی، خیابان ولیعصر",
        "شهرک فرهنگیان، فاز دو", "خیابان جمهوری، کوچه ۷", "روستای دهنو، جنب مسجد", "بلوار جانبازان، روبه‌روی پارک", "خیابان مطهری، کوچه گلستان ۳",
    ];

    private static readonly Sample[] Complaints =
    [
        new("operations", "قطعی مکرر برق در محله", [
            "از حدود {2} هفته پیش تقریباً هر شب بین ساعت ۲۱ تا ۲۳ برق {0} در {1} قطع می‌شود و بدون اطلاع قبلی دوباره وصل می‌شود. یخچال و کولر ما آسیب دیده است. خواهش می‌کنم علت را بررسی کنید.",
            "برق کوچه ما ({0}، {1}) امروز برای {2} بار قطع شد. در برنامه خاموشی اعلام‌شده نام محله ما نبود. لطفاً پیگیری کنید و نتیجه را اعلام فرمایید.",
        ]),
        new("operations", "نوسان ولتاژ و آسیب به لوازم خانگی", [
            "دیشب ولتاژ برق منزل ما در {0}، {1} چند بار بالا و پایین رفت و تلویزیون و پکیج سوخت. همسایه‌ها هم همین مشکل را داشتند. درخواست بررسی و جبران خسارت دارم.",
            "چراغ‌های خانه مدام کم‌نور و پرنور می‌شوند و دستگاه تثبیت ولتاژ ما بارها قطع کرده است. نشانی: {0}، {1}. لطفاً ترانس محله را بررسی کنید.",
        ]),
        new("billing", "مبلغ قبض با مصرف واقعی هم‌خوانی ندارد", [
            "مبلغ قبض دوره اخیر ما {2} برابر دوره مشابه پارسال است، در حالی که مصرف ما تغییری نکرده و نیمی از ماه در سفر بودیم. شناسه قبض را در صورت نیاز اعلام می‌کنم. لطفاً قبض را بازبینی کنید.",
            "برای منزل مسکونی در {0}، {1} قبضی با تعرفه تجاری صادر شده است. این ملک فقط مسکونی است. خواهش می‌کنم تعرفه را اصلاح و مبلغ اضافه را برگشت دهید.",
        ]),
        new("metering", "کنتور برق خراب است و کار نمی‌کند", [
            "صفحه کنتور منزل ما در {0}، {1} از {2} روز پیش خاموش است و عددی نشان نمی‌دهد. نگرانم قبض بعدی برآوردی و زیاد صادر شود. لطفاً مأمور برای تعویض کنتور بفرستید.",
            "کنتور ما صدای وزوز می‌دهد و بدنه آن داغ می‌شود. نشانی: {0}، {1}. تقاضای بازدید و تعویض کنتور دارم.",
        ]),
        new("customer-service", "برخورد نامناسب مأمور قرائت کنتور", [
            "مأمور قرائت کنتور روز گذشته در {0}، {1} با لحن تندی با مادر سالمندم صحبت کرد و بدون قرائت رفت. انتظار برخورد محترمانه داریم.",
        ]),
        new("network-development", "تأخیر در وصل انشعاب جدید", [
            "{2} ماه پیش هزینه انشعاب برق ملک نوساز خود را در {0}، {1} پرداخت کرده‌ام اما هنوز برق وصل نشده و هر بار به تاریخ دیگری حواله داده می‌شوم. لطفاً زمان دقیق وصل را اعلام کنید.",
        ]),
    ];

    private static readonly Sample[] Requests =
    [
        new("network-development", "درخواست جابه‌جایی تیر برق جلوی منزل", [
            "تیر برق دقیقاً جلوی درِ پارکینگ منزل ما در {0}، {1} قرار دارد و رفت‌وآمد خودرو را ناممکن کرده است. درخواست جابه‌جایی تیر را دارم و هزینه آن را می‌پردازم.",
        ]),
        new("operations", "درخواست نصب چراغ روشنایی معابر", [
            "کوچه ما ({0}، {1}) شب‌ها کاملاً تاریک است و {2} چراغ روشنایی آن سوخته است. برای امنیت اهالی، به‌ویژه کودکان و سالمندان، لطفاً چراغ‌ها را تعمیر یا تعویض کنید.",
        ]),
        new("customer-service", "تغییر نام مالک در پرونده اشتراک", [
            "ملک {0}، {1} را خریده‌ام و می‌خواهم قبض برق به نام من صادر شود. لطفاً مدارک لازم و روند تغییر نام را اعلام کنید.",
        ]),
        new("metering", "درخواست افزایش آمپراژ کنتور", [
            "با نصب کولر گازی، فیوز کنتور ۲۵ آمپر منزل ما مرتب قطع می‌شود. نشانی: {0}، {1}. درخواست افزایش به ۳۲ آمپر و اعلام هزینه آن را دارم.",
        ]),
        new("billing", "درخواست تقسیط بدهی قبض برق", [
            "به دلیل بیماری سرپرست خانوار، بدهی قبض برق ما به {2} دوره رسیده است. خواهش می‌کنم امکان تقسیط بدهی را بررسی کنید تا برق قطع نشود.",
        ]),
    ];

    private static readonly Sample[] Suggestions =
    [
        new("public-relations", "اطلاع‌رسانی خاموشی با پیامک", [
            "پیشنهاد می‌کنم برنامه خاموشی هر محله یک روز زودتر برای مشترکان همان محله پیامک شود. ما در {1} معمولاً از طریق همسایه‌ها باخبر می‌شویم.",
        ]),
        new("customer-service", "امکان پرداخت قبض در برنامه موبایل شرکت", [
            "خوب است برنامه موبایل شرکت امکان پرداخت همه قبض‌های یک خانوار را یک‌جا داشته باشد. اکنون باید هر قبض را جداگانه پرداخت کرد.",
        ]),
        new("network-development", "استفاده از کابل خودنگهدار در کوچه‌های قدیمی", [
            "در کوچه‌های باریک {1}، مانند {0}، سیم‌های لخت به شاخه درختان می‌خورند و در باد جرقه می‌زنند. پیشنهاد می‌کنم این شبکه با کابل خودنگهدار عوض شود.",
        ]),
    ];

    private static readonly Sample[] Reports =
    [
        new("safety", "سیم برق پاره روی زمین افتاده است", [
            "در {0}، {1} یک سیم برق پاره شده و کنار پیاده‌رو روی زمین افتاده است. بچه‌ها از آنجا به مدرسه می‌روند. لطفاً فوری اقدام کنید.",
        ], ReportCategories.Hazard),
        new("safety", "درِ تابلوی برق کنار کوچه باز مانده است", [
            "درِ تابلوی برق فشار ضعیف در {0}، {1} چند روز است باز مانده و سیم‌ها در دسترس همه است. خطر برق‌گرفتگی دارد.",
        ], ReportCategories.Hazard),
        new("inspection", "برق‌گیری غیرمجاز از شبکه", [
            "در یک باغ در {0}، {1} با کابل از تیر برق مستقیم برق گرفته‌اند و پمپ آب شبانه‌روز کار می‌کند. لطفاً بازدید کنید.",
        ], ReportCategories.ElectricityTheft),
        new("inspection", "دستکاری کنتور در ساختمان تجاری", [
            "در یک مغازه در {0}، {1} پلمپ کنتور شکسته است و کنتور با وجود روشن بودن همه وسایل نمی‌چرخد.",
        ], ReportCategories.MeterTampering),
        new("operations", "سرقت کابل از شبکه روستا", [
            "شب گذشته حدود {2} اسپن کابل شبکه در {0}، {1} سرقت شده و بخشی از روستا بی‌برق است.",
        ], ReportCategories.EquipmentTheft),
        new("right-of-way", "ساخت‌وساز در حریم خط فشار قوی", [
            "در {0}، {1} ساختمانی در حال ساخت است که طبقه دوم آن تا نزدیکی سیم‌های خط فشار قوی رسیده است. لطفاً پیش از حادثه بررسی کنید.",
        ], ReportCategories.RightOfWay),
    ];

    // Questions to the CEO repeat word for word, so the public ones can reach the FAQ.
    private static readonly Sample[] Questions =
    [
        new("billing", "چگونه می‌توانم قبض برق را به‌صورت اینترنتی پرداخت کنم؟", ["چگونه می‌توانم قبض برق را به‌صورت اینترنتی پرداخت کنم؟ لطفاً راهنمایی فرمایید."]),
        new("operations", "برنامه خاموشی‌های تابستان چگونه اعلام می‌شود؟", ["برنامه خاموشی‌های تابستان چگونه اعلام می‌شود؟ لطفاً راهنمایی فرمایید."]),
        new("network-development", "هزینه انشعاب برق تکفاز چقدر است؟", ["هزینه انشعاب برق تکفاز چقدر است؟ لطفاً راهنمایی فرمایید."]),
        new("billing", "تعرفه برق خانگی در ماه‌های گرم چگونه محاسبه می‌شود؟", ["تعرفه برق خانگی در ماه‌های گرم چگونه محاسبه می‌شود؟ لطفاً راهنمایی فرمایید."]),
    ];

    private static readonly Dictionary<string, string[]> Answers = new(StringComparer.Ordinal)
    {
        ["billing"] = ["همشهری گرامی، قبض شما بازبینی شد؛ مبلغ اضافه در قبض دوره بعد کسر می‌شود. کارشناس پیگیری: {0}."],
        ["metering"] = ["همشهری گرامی، کنتور شما بازدید و تعویض شد و قرائت آن اصلاح گردید. کارشناس پیگیری: {0}."],
        ["operations"] = ["همشهری گرامی، گروه اتفاقات به محل اعزام و ایراد شبکه برطرف شد. کارشناس پیگیری: {0}."],
        ["safety"] = ["همشهری گرامی، محل در همان روز ایمن‌سازی و تجهیزات آسیب‌دیده تعمیر شد. از گزارش شما سپاسگزاریم. کارشناس پیگیری: {0}."],
        ["inspection"] = ["همشهری گرامی، محل بازرسی و انشعاب غیرمجاز جمع‌آوری شد؛ پرونده برای پیگیری قانونی ثبت گردید. کارشناس پیگیری: {0}."],
        ["right-of-way"] = ["همشهری گرامی، اخطار رعایت حریم به مالک ابلاغ و موضوع به شهرداری اعلام شد. کارشناس پیگیری: {0}."],
        ["network-development"] = ["همشهری گرامی، درخواست شما در برنامه اصلاح شبکه قرار گرفت و زمان اجرا پیامک می‌شود. کارشناس پیگیری: {0}."],
        ["customer-service"] = ["همشهری گرامی، موضوع در امور مشترکین بررسی و اقدام لازم انجام شد. کارشناس پیگیری: {0}."],
    };

    private static readonly string[] Categories = [.. ReportCategories.All];

    public static CaseSubmission Make(Faker faker, string type) => Pick(faker, type).Submission;

    /// <summary>A message of this type from its bank, with the department that answers it.</summary>
    public static DemoMessage Pick(Faker faker, string type)
    {
        var sample = faker.PickRandom(Bank(type));
        var street = faker.PickRandom(Streets);
        var town = faker.PickRandom(Towns);
        var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, faker.PickRandom(sample.Bodies), street, town, Persian(faker.Random.Int(2, 5)));
        var submission = new CaseSubmission
        {
            Type = type,
            Subject = sample.Subject,
            Body = body,
            Citizen = new CitizenInput(faker.Name.FullName(), NationalCodeFor(faker), "0913" + faker.Random.ReplaceNumbers("#######"), null),
            AnswerType = type == CaseTypes.CeoQuestion ? faker.PickRandom(AnswerTypes.Private, AnswerTypes.Public) : null,
            Category = type == CaseTypes.PublicReport ? sample.Category ?? faker.PickRandom(Categories) : null,
            Location = type == CaseTypes.PublicReport
                ? new LocationInput(27.8 + faker.Random.Double(0, 1.0), 57.4 + faker.Random.Double(0, 1.2), street + "، " + town)
                : null,
        };
        return new DemoMessage(submission, sample.Department);
    }

    private static Sample[] Bank(string type) => type switch
    {
        CaseTypes.Request => Requests,
        CaseTypes.Suggestion => Suggestions,
        CaseTypes.PublicReport => Reports,
        CaseTypes.CeoQuestion => Questions,
        _ => Complaints,
    };

    public static string Answer(Faker faker) => Answer(faker, "customer-service");

    /// <summary>The answer a department of this kind would write.</summary>
    public static string Answer(Faker faker, string? department) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture,
            faker.PickRandom(Answers.GetValueOrDefault(department ?? string.Empty) ?? Answers["customer-service"]), faker.Name.LastName());

    private static string Persian(int number) => Domain.Text.PersianText.ToPersianDigits(number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A random national code with a correct check digit.</summary>
    public static string NationalCodeFor(Faker faker)
    {
        var digits = faker.Random.ReplaceNumbers("#########").Select(c => c - '0').ToArray();
        if (digits.Distinct().Count() == 1)
        {
            digits[0] = (digits[0] + 1) % 10;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * (10 - i);
        }

        var remainder = sum % 11;
        var check = remainder < 2 ? remainder : 11 - remainder;
        return string.Concat(digits) + check;
    }
}
