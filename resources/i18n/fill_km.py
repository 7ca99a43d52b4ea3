"""Fill fieldapp_km.ts from this Khmer phrasebook (run after pyside6-lupdate; translators may edit the .ts).

Usage: python resources/i18n/fill_km.py resources/i18n/fieldapp_km.ts
Only unfinished messages are filled, so a translator's edits in the .ts always win. Prints
the English texts that have no Khmer here yet, and exits 1 if there are any.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

KM: dict[str, str] = {
    "follow-up planned": "បានគ្រោងការតាមដាន",
    "follow-up done": "បានធ្វើការតាមដានរួច",
    "family member recorded": "បានកត់ត្រាសមាជិកគ្រួសារ",
    "case transferred": "បានផ្ទេរករណី",
    "tracing outcome recorded": "បានកត់ត្រាលទ្ធផលស្វែងរកក្រុមគ្រួសារ",
    # case work (issue 13): relationships, case-plan steps, tracing outcomes, record kinds
    "Mother": "ម្ដាយ",
    "Father": "ឪពុក",
    "Grandparent": "ជីដូនជីតា",
    "Brother or sister": "បងប្អូន",
    "Aunt or uncle": "មីង ឬពូ",
    "Husband or wife": "ប្ដី ឬប្រពន្ធ",
    "Other relative": "សាច់ញាតិផ្សេងទៀត",
    "Legal guardian": "អាណាព្យាបាលស្របច្បាប់",
    "Home visit": "ចុះសួរសុខទុក្ខដល់ផ្ទះ",
    "Phone call": "ការហៅទូរស័ព្ទ",
    "School check": "ពិនិត្យការសិក្សានៅសាលា",
    "Health check": "ពិនិត្យសុខភាព",
    "Court support": "ការគាំទ្រនៅតុលាការ",
    "Case review": "ការពិនិត្យករណីឡើងវិញ",
    "Still searching": "កំពុងស្វែងរក",
    "Family traced - safe to return": "រកឃើញក្រុមគ្រួសារ - មានសុវត្ថិភាពក្នុងការវិលត្រឡប់",
    "Family traced - not safe": "រកឃើញក្រុមគ្រួសារ - គ្មានសុវត្ថិភាព",
    "Family not found": "រកមិនឃើញក្រុមគ្រួសារ",
    "The person declined tracing": "បុគ្គលនោះបដិសេធការស្វែងរក",
    "Family member": "សមាជិកគ្រួសារ",
    "Follow-up": "ការតាមដាន",
    "Case transfer": "ការផ្ទេរករណី",
    # labels for stored codes
    "Labour exploitation": "ការកេងប្រវ័ញ្ចកម្លាំងពលកម្ម",
    "Sexual exploitation": "ការកេងប្រវ័ញ្ចផ្លូវភេទ",
    "Forced marriage": "ការបង្ខំឱ្យរៀបការ",
    "Online-scam compound": "មជ្ឈមណ្ឌលបោកប្រាស់តាមអនឡាញ",
    "Forced begging": "ការបង្ខំឱ្យសុំទាន",
    "Other": "ផ្សេងៗ",
    "Officer": "មន្ត្រីនគរបាល",
    "Transit-centre staff": "បុគ្គលិកមជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្ន",
    "Supervisor": "អ្នកគ្រប់គ្រង",
    "National desk": "ការិយាល័យថ្នាក់ជាតិ",
    "Female": "ស្រី",
    "Male": "ប្រុស",
    "Unknown": "មិនដឹង",
    "Created": "បានបង្កើត",
    "New": "ថ្មី",
    "Accepted": "បានទទួលយក",
    "In service": "កំពុងទទួលសេវា",
    "Completed": "បានបញ្ចប់",
    "Declined": "បានបដិសេធ",
    "Cancelled": "បានលុបចោល",
    "Overdue": "ហួសកាលកំណត់",
    "Shelter": "ទីជម្រក",
    "Medical care": "ការថែទាំសុខភាព",
    "Psychosocial support": "ការគាំទ្រផ្លូវចិត្តសង្គម",
    "Legal aid": "ជំនួយផ្លូវច្បាប់",
    "Family tracing": "ការស្វែងរកក្រុមគ្រួសារ",
    "Repatriation": "ការធ្វើមាតុភូមិនិវត្តន៍",
    "Reintegration": "ការធ្វើសមាហរណកម្មឡើងវិញ",
    "Education": "ការអប់រំ",
    "Vocational training": "ការបណ្តុះបណ្តាលវិជ្ជាជីវៈ",
    "Low": "ទាប",
    "Normal": "ធម្មតា",
    "High": "ខ្ពស់",
    "Recruiter": "អ្នកជ្រើសរើស",
    "Broker": "មេខ្យល់",
    "Transporter": "អ្នកដឹកជញ្ជូន",
    "Employer": "និយោជក",
    "At large": "កំពុងគេចខ្លួន",
    "Arrested": "បានចាប់ខ្លួន",
    "Sent to court": "បានបញ្ជូនទៅតុលាការ",
    "Convicted": "បានផ្ដន្ទាទោស",
    "Draft": "សេចក្ដីព្រាង",
    "Final": "ចុងក្រោយ",
    "created": "បានបង្កើត",
    "changed": "បានកែប្រែ",
    "read": "បានអាន",
    "finalised": "បានបញ្ចប់ជាស្ថាពរ",
    "amended": "បានធ្វើវិសោធនកម្ម",
    "signed in": "បានចូលប្រើ",
    "sent": "បានបញ្ជូន",
    "accepted": "បានទទួលយក",
    "service recorded": "បានកត់ត្រាសេវា",
    "completed": "បានបញ្ចប់",
    "declined": "បានបដិសេធ",
    "cancelled": "បានលុបចោល",
    "Rescue": "ការជួយសង្គ្រោះ",
    "Victim": "ជនរងគ្រោះ",
    "Statement": "សេចក្ដីថ្លែងការណ៍",
    "Suspect": "ជនសង្ស័យ",
    "Referral": "ការបញ្ជូន",
    "Attachment": "ឯកសារភ្ជាប់",
    # entity registry labels (fieldapp/domain/entities.py)
    "Referral step": "ជំហាននៃការបញ្ជូន",
    "Audit event": "ព្រឹត្តិការណ៍សវនកម្ម",
    "Suspect in a case": "ជនសង្ស័យក្នុងសំណុំរឿង",
    "Suspect status change": "ការផ្លាស់ប្ដូរស្ថានភាពជនសង្ស័យ",
    "Suspect identifier": "អត្តសញ្ញាណជនសង្ស័យ",
    "Person link": "ការភ្ជាប់បុគ្គល",
    # passphrase strength
    "Weak: add more words": "ខ្សោយ៖ សូមបន្ថែមពាក្យទៀត",
    "Fair": "មធ្យម",
    "Good": "ល្អ",
    "Strong": "រឹងមាំ",
    # first run
    "The two passphrases differ.": "ឃ្លាសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ។",
    "First supervisor": "អ្នកគ្រប់គ្រងដំបូង",
    "This person manages the users of this laptop.": "បុគ្គលនេះគ្រប់គ្រងអ្នកប្រើប្រាស់កុំព្យូទ័រយួរដៃនេះ។",
    "User name": "ឈ្មោះអ្នកប្រើ",
    "Full name (optional)": "ឈ្មោះពេញ (ស្រេចចិត្ត)",
    "Passphrase": "ឃ្លាសម្ងាត់",
    "Repeat passphrase": "វាយឃ្លាសម្ងាត់ម្ដងទៀត",
    "A passphrase of several words is easiest to remember; Khmer words are allowed. Nobody can "
    "read this laptop's cases without it, so keep it safe.":
        "ឃ្លាសម្ងាត់ដែលមានពាក្យច្រើនងាយចងចាំជាងគេ ហើយអាចប្រើពាក្យខ្មែរបាន។ គ្មាននរណាម្នាក់"
        "អាចអានសំណុំរឿងលើកុំព្យូទ័រយួរដៃនេះបានទេ បើគ្មានវា ដូច្នេះសូមរក្សាវាឱ្យមានសុវត្ថិភាព។",
    "Set up fieldapp": "រៀបចំ fieldapp",
    "Next >": "បន្ទាប់ >",
    "< Back": "< ថយក្រោយ",
    "Create the store": "បង្កើតឃ្លាំងទិន្នន័យ",
    "Cancel": "បោះបង់",
    "Headquarters (optional)": "ទីស្នាក់ការកណ្ដាល (ស្រេចចិត្ត)",
    "Leave both empty to skip: everything works offline, and you can enrol later.":
        "ទុកទាំងពីរឱ្យនៅទទេ ដើម្បីរំលង៖ អ្វីៗទាំងអស់ដំណើរការដោយគ្មានអ៊ីនធឺណិត "
        "ហើយអ្នកអាចចុះឈ្មោះនៅពេលក្រោយ។",
    "If HQ gave you an enrolment code, enter HQ's address and the code to send this post's cases "
    "to HQ when a connection is available.":
        "ប្រសិនបើទីស្នាក់ការកណ្ដាលបានផ្ដល់លេខកូដចុះឈ្មោះឱ្យអ្នក សូមបញ្ចូលអាសយដ្ឋាន"
        "ទីស្នាក់ការកណ្ដាល និងលេខកូដ ដើម្បីផ្ញើសំណុំរឿងរបស់ប៉ុស្តិ៍នេះទៅទីស្នាក់ការកណ្ដាល "
        "នៅពេលមានការតភ្ជាប់។",
    "HQ address": "អាសយដ្ឋានទីស្នាក់ការកណ្ដាល",
    "Enrolment code": "លេខកូដចុះឈ្មោះ",
    "Welcome to fieldapp": "សូមស្វាគមន៍មកកាន់ fieldapp",
    "This laptop has no case store yet. Choose the language to work in; you can change it at any "
    "time.":
        "កុំព្យូទ័រយួរដៃនេះមិនទាន់មានឃ្លាំងសំណុំរឿងនៅឡើយទេ។ សូមជ្រើសរើសភាសាសម្រាប់ធ្វើការ "
        "អ្នកអាចប្ដូរវាបានគ្រប់ពេល។",
    "Which border post or transit centre is this laptop for? Case numbers start with its code.":
        "តើកុំព្យូទ័រយួរដៃនេះសម្រាប់ប៉ុស្តិ៍ព្រំដែន ឬមជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្នណា? "
        "លេខសំណុំរឿងចាប់ផ្ដើមដោយលេខកូដរបស់វា។",
    "Post or centre": "ប៉ុស្តិ៍ ឬមជ្ឈមណ្ឌល",
    # admin
    "Full name": "ឈ្មោះពេញ",
    "Role": "តួនាទី",
    "Post": "ប៉ុស្តិ៍",
    "Centre": "មជ្ឈមណ្ឌល",
    "Service": "សេវា",
    "Provider": "អ្នកផ្ដល់សេវា",
    "Status": "ស្ថានភាព",
    "Sync conflicts to review ({n})": "ភាពមិនស៊ីគ្នានៃសមកាលកម្មដែលត្រូវពិនិត្យ ({n})",
    "User {name} added.": "បានបន្ថែមអ្នកប្រើ {name}។",
    "New passphrase set for {name}.": "បានកំណត់ឃ្លាសម្ងាត់ថ្មីសម្រាប់ {name}។",
    "Select a user first.": "សូមជ្រើសរើសអ្នកប្រើជាមុនសិន។",
    "People who can unlock this laptop": "អ្នកដែលអាចដោះសោកុំព្យូទ័រយួរដៃនេះ",
    "Add user…": "បន្ថែមអ្នកប្រើ…",
    "Reset passphrase…": "កំណត់ឃ្លាសម្ងាត់ឡើងវិញ…",
    "Sync conflicts to review": "ភាពមិនស៊ីគ្នានៃសមកាលកម្មដែលត្រូវពិនិត្យ",
    "Lock after this many minutes without use:": "ចាក់សោបន្ទាប់ពីមិនប្រើប្រាស់រយៈពេលប៉ុន្មាននាទី៖",
    "Add user": "បន្ថែមអ្នកប្រើ",
    "Transit centre": "មជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្ន",
    "Reset passphrase": "កំណត់ឃ្លាសម្ងាត់ឡើងវិញ",
    "User": "អ្នកប្រើ",
    "New passphrase": "ឃ្លាសម្ងាត់ថ្មី",
    "Set passphrase": "កំណត់ឃ្លាសម្ងាត់",
    # unlock
    "Wrong user name or passphrase.": "ឈ្មោះអ្នកប្រើ ឬឃ្លាសម្ងាត់មិនត្រឹមត្រូវ។",
    "Too many wrong passphrases.": "វាយឃ្លាសម្ងាត់ខុសច្រើនដងពេក។",
    "Too many wrong passphrases: wait {s} s before trying again.":
        "វាយឃ្លាសម្ងាត់ខុសច្រើនដងពេក៖ សូមរង់ចាំ {s} វិនាទី មុននឹងសាកល្បងម្ដងទៀត។",
    "Choose or type your user name.": "សូមជ្រើសរើស ឬវាយឈ្មោះអ្នកប្រើរបស់អ្នក។",
    "Type your passphrase.": "សូមវាយឃ្លាសម្ងាត់របស់អ្នក។",
    "Unlock fieldapp": "ដោះសោ fieldapp",
    "The case data on this laptop is encrypted. Enter your passphrase to open it.":
        "ទិន្នន័យសំណុំរឿងលើកុំព្យូទ័រយួរដៃនេះត្រូវបានអ៊ិនគ្រីប។ សូមបញ្ចូលឃ្លាសម្ងាត់របស់អ្នក "
        "ដើម្បីបើកវា។",
    "Caps Lock is on": "Caps Lock កំពុងបើក",
    "Unlock": "ដោះសោ",
    "Language": "ភាសា",
    # case list
    "{shown} cases shown": "កំពុងបង្ហាញសំណុំរឿងចំនួន {shown}",
    "{shown} of {total} cases shown": "កំពុងបង្ហាញសំណុំរឿង {shown} ក្នុងចំណោម {total}",
    "{shown} of more than {total} cases shown": "កំពុងបង្ហាញសំណុំរឿង {shown} ក្នុងចំណោមច្រើនជាង {total}",
    "All provinces": "គ្រប់ខេត្ត",
    "All posts": "គ្រប់ប៉ុស្តិ៍",
    "All types": "គ្រប់ប្រភេទ",
    "Any referral status": "ស្ថានភាពបញ្ជូនណាមួយ",
    "Search": "ស្វែងរក",
    "Case number, or a victim's or suspect's name (Khmer or Latin)":
        "លេខសំណុំរឿង ឬឈ្មោះជនរងគ្រោះ ឬជនសង្ស័យ (អក្សរខ្មែរ ឬឡាតាំង)",
    "New rescue…": "ការជួយសង្គ្រោះថ្មី…",
    "Province": "ខេត្ត",
    "Type": "ប្រភេទ",
    "Between": "ចន្លោះពី",
    "and": "ដល់",
    "Minors only": "តែអនីតិជនប៉ុណ្ណោះ",
    "Clear filters": "សម្អាតតម្រង",
    "Case number": "លេខសំណុំរឿង",
    "Date": "កាលបរិច្ឆេទ",
    "Victims": "ជនរងគ្រោះ",
    "Minors": "អនីតិជន",
    # case view
    "Case {number}": "សំណុំរឿង {number}",
    "about {age}": "ប្រហែល {age}",
    "Name (Khmer)": "ឈ្មោះ (ខ្មែរ)",
    "Name (Latin)": "ឈ្មោះ (ឡាតាំង)",
    "Sex": "ភេទ",
    "Age": "អាយុ",
    "Minor": "អនីតិជន",
    "Nationality": "សញ្ជាតិ",
    "Interview": "ការសម្ភាសន៍",
    "Seal (SHA-256)": "ត្រា (SHA-256)",
    "(amendment)": "(វិសោធនកម្ម)",
    "Name": "ឈ្មោះ",
    "Alias": "ឈ្មោះក្លែងក្លាយ",
    "Due": "ថ្ងៃផុតកំណត់",
    "conflict": "មិនស៊ីគ្នា",
    "File": "ឯកសារ",
    "Size": "ទំហំ",
    "Belongs to": "ជាកម្មសិទ្ធិរបស់",
    "{kb} KB": "{kb} គីឡូបៃ",
    "When": "ពេលវេលា",
    "Who": "អ្នកណា",
    "Action": "សកម្មភាព",
    "Record": "កំណត់ត្រា",
    "Victims ({n})": "ជនរងគ្រោះ ({n})",
    "Statements ({n})": "សេចក្ដីថ្លែងការណ៍ ({n})",
    "Suspects ({n})": "ជនសង្ស័យ ({n})",
    "Referrals ({n})": "ការបញ្ជូន ({n})",
    "Attachments ({n})": "ឯកសារភ្ជាប់ ({n})",
    "Select the victim in the Victims tab first.": "សូមជ្រើសរើសជនរងគ្រោះនៅផ្ទាំងជនរងគ្រោះជាមុនសិន។",
    "← Cases": "← សំណុំរឿង",
    "Edit rescue…": "កែប្រែការជួយសង្គ្រោះ…",
    "Place": "ទីកន្លែង",
    "Unit": "អង្គភាព",
    "Add victim…": "បន្ថែមជនរងគ្រោះ…",
    "Refer to a service…": "បញ្ជូនទៅសេវា…",
    "Record statement…": "កត់ត្រាសេចក្ដីថ្លែងការណ៍…",
    "Read statement": "អានសេចក្ដីថ្លែងការណ៍",
    "Add suspect…": "បន្ថែមជនសង្ស័យ…",
    "Attachments stay encrypted; opening one decrypts it into memory only.":
        "ឯកសារភ្ជាប់នៅតែត្រូវបានអ៊ិនគ្រីប៖ ការបើកឯកសារមួយ ឌិគ្រីបវាតែក្នុងអង្គចងចាំប៉ុណ្ណោះ។",
    "Statements": "សេចក្ដីថ្លែងការណ៍",
    "Suspects": "ជនសង្ស័យ",
    "Referrals": "ការបញ្ជូន",
    "Attachments": "ឯកសារភ្ជាប់",
    "Audit trail": "កំណត់ត្រាសវនកម្ម",
    "Final (sealed) — seal {hash}": "ចុងក្រោយ (បានបិទត្រា) — ត្រា {hash}",
    "Final: sealed, it cannot change. A correction is recorded as an amendment.":
        "ចុងក្រោយ៖ បានបិទត្រា មិនអាចផ្លាស់ប្ដូរបានទេ។ ការកែតម្រូវត្រូវកត់ត្រាជាវិសោធនកម្ម។",
    "Draft (not final yet)": "សេចក្ដីព្រាង (មិនទាន់ចុងក្រោយ)",
    "Victim: {victim}\nInterview: {date}, language {lang}\n{seal}":
        "ជនរងគ្រោះ៖ {victim}\nការសម្ភាសន៍៖ {date} ភាសា {lang}\n{seal}",
    "Open": "បើក",
    "{name}: {size} bytes ({mime}). This file type cannot be shown here.":
        "{name}៖ {size} បៃ ({mime})។ ប្រភេទឯកសារនេះមិនអាចបង្ហាញនៅទីនេះបានទេ។",
    # forms
    "Form": "ទម្រង់",
    "This form will be filled in here. Its fields are listed below; drafts are saved as you type.":
        "ទម្រង់នេះនឹងត្រូវបំពេញនៅទីនេះ។ វាលរបស់វាមានរាយខាងក្រោម "
        "ហើយសេចក្ដីព្រាងត្រូវបានរក្សាទុកពេលអ្នកវាយ។",
    "Close": "បិទ",
    # main window
    "User: {name} ({role})": "អ្នកប្រើ៖ {name} ({role})",
    "Post: {post}": "ប៉ុស្តិ៍៖ {post}",
    "Sync: not enrolled (offline)": "សមកាលកម្ម៖ មិនទាន់ចុះឈ្មោះ (គ្មានអ៊ីនធឺណិត)",
    "Sync: failed, will retry": "សមកាលកម្ម៖ បរាជ័យ នឹងព្យាយាមម្ដងទៀត",
    "Sync: last {when}": "សមកាលកម្ម៖ ចុងក្រោយ {when}",
    "Sync: never": "សមកាលកម្ម៖ មិនធ្លាប់",
    "{n} changes not yet sent": "ការផ្លាស់ប្ដូរ {n} មិនទាន់បានផ្ញើ",
    "Cases": "សំណុំរឿង",
    "Sync": "សមកាលកម្ម",
    "Reports": "របាយការណ៍",
    "Admin": "ការគ្រប់គ្រង",
    "Lock (Ctrl+L)": "ចាក់សោ (Ctrl+L)",
    "Lock now: the data is hidden and the key forgotten until a passphrase is entered again.":
        "ចាក់សោឥឡូវនេះ៖ ទិន្នន័យត្រូវបានលាក់ ហើយកូនសោត្រូវបានបំភ្លេច "
        "រហូតដល់មានការបញ្ចូលឃ្លាសម្ងាត់ម្ដងទៀត។",
    "fieldapp — rescue and referral records": "fieldapp — កំណត់ត្រាការជួយសង្គ្រោះ និងការបញ្ជូន",
    # referral board
    "Decline referral": "បដិសេធការបញ្ជូន",
    "Why can the centre not take this referral?": "ហេតុអ្វីបានជាមជ្ឈមណ្ឌលមិនអាចទទួលការបញ្ជូននេះ?",
    "Decline": "បដិសេធ",
    "(minor)": "(អនីតិជន)",
    "Person": "បុគ្គល",
    "Urgency": "ភាពបន្ទាន់",
    "Closed": "បានបិទ",
    "Languages: {langs}\nNotes: {notes}": "ភាសា៖ {langs}\nកំណត់សម្គាល់៖ {notes}",
    "Referral accepted.": "បានទទួលយកការបញ្ជូន។",
    "Referral declined.": "បានបដិសេធការបញ្ជូន។",
    "Services recorded.": "បានកត់ត្រាសេវា។",
    "Referral completed.": "បានបញ្ចប់ការបញ្ជូន។",
    "Record services given": "កត់ត្រាសេវាដែលបានផ្ដល់",
    "Complete referral": "បញ្ចប់ការបញ្ជូន",
    "Referrals addressed to you, by status. Everything here works offline.":
        "ការបញ្ជូនដែលផ្ញើមកអ្នក តាមស្ថានភាព។ អ្វីៗទាំងអស់នៅទីនេះដំណើរការដោយគ្មានអ៊ីនធឺណិត។",
    "Accept": "ទទួលយក",
    "Decline…": "បដិសេធ…",
    "Record services…": "កត់ត្រាសេវា…",
    "Complete…": "បញ្ចប់…",
    "Refresh": "ធ្វើឱ្យថ្មី",
    "Services given:": "សេវាដែលបានផ្ដល់៖",
    "Closing note (optional)": "កំណត់សម្គាល់បិទបញ្ចប់ (ស្រេចចិត្ត)",
    "Save": "រក្សាទុក",
    # reports
    "Export is not available in this version yet.": "ការនាំចេញមិនទាន់មាននៅក្នុងកំណែនេះនៅឡើយទេ។",
    "{rescues} rescues, {victims} victims, of whom {minors} minors":
        "ការជួយសង្គ្រោះ {rescues} ជនរងគ្រោះ {victims} ក្នុងនោះអនីតិជន {minors}",
    "Rescues": "ការជួយសង្គ្រោះ",
    "Referral status": "ស្ថានភាពការបញ្ជូន",
    "Export…": "នាំចេញ…",
    # sync
    "Not enrolled with HQ (the app works fully offline)":
        "មិនទាន់ចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាល (កម្មវិធីដំណើរការពេញលេញដោយគ្មានអ៊ីនធឺណិត)",
    "Never": "មិនធ្លាប់",
    "None": "គ្មាន",
    "Unknown (not yet in contact with HQ)": "មិនដឹង (មិនទាន់បានទាក់ទងជាមួយទីស្នាក់ការកណ្ដាល)",
    "This laptop's clock is {minutes} minutes off: please correct it":
        "នាឡិការបស់កុំព្យូទ័រយួរដៃនេះខុស {minutes} នាទី៖ សូមកែវាឱ្យត្រូវ",
    "OK": "ត្រឹមត្រូវ",
    "Changes are kept encrypted on this laptop and sent to HQ when a connection is available.":
        "ការផ្លាស់ប្ដូរត្រូវបានរក្សាទុកដោយអ៊ិនគ្រីបនៅលើកុំព្យូទ័រយួរដៃនេះ "
        "ហើយផ្ញើទៅទីស្នាក់ការកណ្ដាលនៅពេលមានការតភ្ជាប់។",
    "Headquarters": "ទីស្នាក់ការកណ្ដាល",
    "Last successful sync": "សមកាលកម្មជោគជ័យចុងក្រោយ",
    "Changes not yet sent": "ការផ្លាស់ប្ដូរមិនទាន់បានផ្ញើ",
    "Last error": "កំហុសចុងក្រោយ",
    "Clock": "នាឡិកា",
    "Sync now": "ធ្វើសមកាលកម្មឥឡូវនេះ",
    # window sync, enrolment, exports, revocation
    "This laptop is enrolled with HQ: changes are now sent when a connection is available.":
        "កុំព្យូទ័រយួរដៃនេះបានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាលហើយ៖ "
        "ការផ្លាស់ប្ដូរនឹងត្រូវផ្ញើនៅពេលមានការតភ្ជាប់។",
    "Enrolment failed: {reason}": "ការចុះឈ្មោះបរាជ័យ៖ {reason}",
    "Enter HQ's address and the enrolment code HQ gave you.":
        "សូមបញ្ចូលអាសយដ្ឋានទីស្នាក់ការកណ្ដាល និងលេខកូដចុះឈ្មោះដែលទីស្នាក់ការកណ្ដាលបានផ្ដល់ឱ្យ។",
    "Exported to {name}. The file is NOT encrypted: keep it on an encrypted drive and delete it "
    "after handing it over.":
        "បាននាំចេញទៅ {name}។ ឯកសារនេះមិនត្រូវបានអ៊ិនគ្រីបទេ៖ "
        "រក្សាទុកវានៅលើឧបករណ៍ផ្ទុកដែលបានអ៊ិនគ្រីប ហើយលុបវាចោលក្រោយពេលប្រគល់រួច។",
    "The file will NOT be encrypted": "ឯកសារនឹងមិនត្រូវបានអ៊ិនគ្រីបទេ",
    "The exported file is NOT encrypted. Anyone who gets the file or the USB stick can read every "
    "name in it. Keep it only as long as needed, on an encrypted drive, and delete it after "
    "handing it over.":
        "ឯកសារដែលបាននាំចេញមិនត្រូវបានអ៊ិនគ្រីបទេ។ អ្នកណាដែលបានឯកសារ ឬ USB "
        "អាចអានឈ្មោះទាំងអស់នៅក្នុងនោះ។ រក្សាទុកវាតែក្នុងរយៈពេលចាំបាច់ "
        "នៅលើឧបករណ៍ផ្ទុកដែលបានអ៊ិនគ្រីប ហើយលុបវាចោលក្រោយពេលប្រគល់រួច។",
    "Export to a new folder": "នាំចេញទៅថតឯកសារថ្មី",
    "Export to a file": "នាំចេញទៅជាឯកសារ",
    "Enrol with HQ": "ចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាល",
    "This laptop was set up offline. With HQ's address and an enrolment code from HQ, its changes "
    "are sent to HQ when a connection is available.":
        "កុំព្យូទ័រយួរដៃនេះត្រូវបានរៀបចំដោយគ្មានការតភ្ជាប់។ "
        "ដោយមានអាសយដ្ឋាន និងលេខកូដចុះឈ្មោះពីទីស្នាក់ការកណ្ដាល "
        "ការផ្លាស់ប្ដូររបស់វានឹងត្រូវផ្ញើទៅទីស្នាក់ការកណ្ដាលនៅពេលមានការតភ្ជាប់។",
    "Enrol": "ចុះឈ្មោះ",
    "Export all records (not encrypted)": "នាំចេញកំណត់ត្រាទាំងអស់ (មិនអ៊ិនគ្រីប)",
    "CSV (a folder of tables)": "CSV (ថតឯកសារនៃតារាង)",
    "JSON (one file)": "JSON (ឯកសារមួយ)",
    "HTCDS 2.0 sheet (CSV)": "តារាង HTCDS 2.0 (CSV)",
    "HQ could not be reached. Check the address and the connection, then try again.":
        "មិនអាចទាក់ទងទីស្នាក់ការកណ្ដាលបានទេ។ សូមពិនិត្យអាសយដ្ឋាន និងការតភ្ជាប់ រួចព្យាយាមម្ដងទៀត។",
    "HQ refused the code ({reason}). Check it, or ask HQ for a new one.":
        "ទីស្នាក់ការកណ្ដាលបានបដិសេធលេខកូដ ({reason})។ "
        "សូមពិនិត្យវា ឬសុំលេខកូដថ្មីពីទីស្នាក់ការកណ្ដាល។",
    "HQ refused the code: it was made for another post or centre than this laptop is set up "
    "for. Ask HQ for a code for this laptop's post or centre; nothing was registered at HQ.":
        "ទីស្នាក់ការកណ្ដាលបានបដិសេធលេខកូដ៖ វាត្រូវបានបង្កើតសម្រាប់ប៉ុស្តិ៍ ឬមជ្ឈមណ្ឌលផ្សេង "
        "មិនមែនសម្រាប់កុំព្យូទ័រនេះទេ។ សូមសុំលេខកូដសម្រាប់ប៉ុស្តិ៍ ឬមជ្ឈមណ្ឌលរបស់កុំព្យូទ័រនេះ "
        "ពីទីស្នាក់ការកណ្ដាល។ គ្មានអ្វីត្រូវបានចុះឈ្មោះនៅទីស្នាក់ការកណ្ដាលទេ។",
    "HQ made this code for {code_post}, but this laptop is set up for {post}. Nothing was kept "
    "here; ask HQ to revoke device {device} and to issue a code for {post}.":
        "ទីស្នាក់ការកណ្ដាលបានបង្កើតលេខកូដនេះសម្រាប់ {code_post} ប៉ុន្តែកុំព្យូទ័រនេះត្រូវបានរៀបចំសម្រាប់ "
        "{post}។ គ្មានអ្វីត្រូវបានរក្សាទុកនៅទីនេះទេ។ សូមស្នើទីស្នាក់ការកណ្ដាលឱ្យដកហូតឧបករណ៍ "
        "{device} ហើយចេញលេខកូដសម្រាប់ {post}។",
    "The encrypted store was created, but enrolment with HQ failed: {reason} Correct the address "
    "or code and press Finish again, or clear both to enrol later in Admin.":
        "ឃ្លាំងទិន្នន័យដែលបានអ៊ិនគ្រីបត្រូវបានបង្កើតហើយ "
        "ប៉ុន្តែការចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាលបរាជ័យ៖ {reason} "
        "សូមកែអាសយដ្ឋាន ឬលេខកូដ ហើយចុច បញ្ចប់ ម្ដងទៀត "
        "ឬលុបទាំងពីរដើម្បីចុះឈ្មោះនៅពេលក្រោយក្នុងផ្នែកគ្រប់គ្រង។",
    "This device was revoked": "ឧបករណ៍នេះត្រូវបានដកសិទ្ធិ",
    "HQ has revoked this device. {n} changes never reached HQ. Save them to a sealed file (only HQ "
    "can open it) and hand it to HQ; then this laptop's store is wiped.":
        "ទីស្នាក់ការកណ្ដាលបានដកសិទ្ធិឧបករណ៍នេះ។ ការផ្លាស់ប្ដូរចំនួន {n} "
        "មិនបានទៅដល់ទីស្នាក់ការកណ្ដាលទេ។ សូមរក្សាទុកវាក្នុងឯកសារបិទជិត "
        "(មានតែទីស្នាក់ការកណ្ដាលទេដែលអាចបើកបាន) ហើយប្រគល់ឱ្យទីស្នាក់ការកណ្ដាល "
        "បន្ទាប់មកឃ្លាំងទិន្នន័យនៃកុំព្យូទ័រយួរដៃនេះនឹងត្រូវលុបចោល។",
    "Save the changes, then wipe…": "រក្សាទុកការផ្លាស់ប្ដូរ រួចលុបចោល…",
    "Wipe without saving": "លុបចោលដោយមិនរក្សាទុក",
    "HQ has revoked this device and holds all of its changes. This laptop's store will now be "
    "wiped.":
        "ទីស្នាក់ការកណ្ដាលបានដកសិទ្ធិឧបករណ៍នេះ ហើយមានការផ្លាស់ប្ដូរទាំងអស់របស់វារួចហើយ។ "
        "ឃ្លាំងទិន្នន័យនៃកុំព្យូទ័រយួរដៃនេះនឹងត្រូវលុបចោលឥឡូវនេះ។",
    "Wipe": "លុបចោល",
    "Not now": "មិនមែនឥឡូវនេះទេ",
    "Save unsent changes": "រក្សាទុកការផ្លាស់ប្ដូរដែលមិនទាន់បានផ្ញើ",
    "Finish": "បញ្ចប់",
    "Referral updated.": "បានធ្វើបច្ចុប្បន្នភាពការបញ្ជូន។",
    "Sending and receiving changes…": "កំពុងផ្ញើ និងទទួលការផ្លាស់ប្ដូរ…",
    "Sync finished: {pushed} sent, {pulled} received.":
        "សមកាលកម្មបានបញ្ចប់៖ បានផ្ញើ {pushed} បានទទួល {pulled}។",
    "HQ has revoked this device.": "ទីស្នាក់ការកណ្ដាលបានដកសិទ្ធិឧបករណ៍នេះ។",
    "This laptop is not enrolled with HQ: a supervisor enrols it in Admin.":
        "កុំព្យូទ័រយួរដៃនេះមិនទាន់បានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាលទេ៖ "
        "អ្នកគ្រប់គ្រងចុះឈ្មោះវានៅក្នុងផ្នែកគ្រប់គ្រង។",
    "HQ could not be reached. Nothing is lost: the next sync continues.":
        "មិនអាចទាក់ទងទីស្នាក់ការកណ្ដាលបានទេ។ គ្មានអ្វីបាត់បង់ទេ៖ "
        "សមកាលកម្មបន្ទាប់នឹងបន្តពីទីនេះ។",
    "HQ refused the sync.": "ទីស្នាក់ការកណ្ដាលបានបដិសេធសមកាលកម្ម។",
    "This device was revoked by HQ": "ឧបករណ៍នេះត្រូវបានទីស្នាក់ការកណ្ដាលដកសិទ្ធិ",
    "No sync yet in this session": "មិនទាន់មានសមកាលកម្មក្នុងវគ្គនេះទេ",
    "{pushed} sent, {pulled} received": "បានផ្ញើ {pushed} បានទទួល {pulled}",
    "Last round": "ជុំចុងក្រោយ",
    # tasks
    "Something went wrong ({kind}). Nothing was changed by this action; the log has the details.":
        "មានបញ្ហាកើតឡើង ({kind})។ សកម្មភាពនេះមិនបានផ្លាស់ប្ដូរអ្វីទេ "
        "ព័ត៌មានលម្អិតមាននៅក្នុងកំណត់ហេតុ។",
    # h9data
    "{count} changes refused by HQ. They are kept at HQ; a supervisor there releases them "
    "after a fix, or record them again correctly:":
        "ការផ្លាស់ប្ដូរ {count} ត្រូវបានទីស្នាក់ការកណ្ដាលបដិសេធ។ វាត្រូវបានរក្សាទុកនៅទីស្នាក់ការកណ្ដាល "
        "អ្នកគ្រប់គ្រងនៅទីនោះនឹងដោះលែងវាក្រោយពេលកែតម្រូវ ឬសូមកត់ត្រាវាម្ដងទៀតឱ្យបានត្រឹមត្រូវ៖",
    "{count} received records could not be stored on this laptop. They are kept aside and "
    "tried again at every sync:":
        "កំណត់ត្រាដែលបានទទួល {count} មិនអាចរក្សាទុកនៅលើកុំព្យូទ័រនេះបានទេ។ "
        "វាត្រូវបានទុកដោយឡែក ហើយនឹងសាកល្បងម្ដងទៀតរាល់ពេលធ្វើសមកាលកម្ម៖",
    "Refused by HQ": "ត្រូវបានទីស្នាក់ការកណ្ដាលបដិសេធ",
    "Not stored here": "មិនបានរក្សាទុកនៅទីនេះ",
    # h9ops
    "The disk is full — nothing was lost; free space and try again.":
        "ថាសពេញហើយ — គ្មានអ្វីបាត់បង់ទេ។ សូមបង្កើនទំហំទំនេរ ហើយព្យាយាមម្ដងទៀត។",
    "This computer's clock is more than a few minutes off.":
        "នាឡិការបស់កុំព្យូទ័រនេះខុសច្រើនជាងប៉ុន្មាននាទី។",
    "This computer's clock looks about {days} day(s) behind.":
        "នាឡិការបស់កុំព្យូទ័រនេះហាក់ដូចជាយឺតប្រហែល {days} ថ្ងៃ។",
    "This computer's clock looks about {days} day(s) ahead.":
        "នាឡិការបស់កុំព្យូទ័រនេះហាក់ដូចជាលឿនប្រហែល {days} ថ្ងៃ។",
    "Set the date and time before recording anything: saved records keep the time they were "
    "made.":
        "សូមកំណត់កាលបរិច្ឆេទ និងម៉ោង មុននឹងកត់ត្រាអ្វីមួយ៖ "
        "កំណត់ត្រាដែលបានរក្សាទុក រក្សាពេលវេលាដែលវាត្រូវបានបង្កើត។",
    # h15
    "Question": "សំណួរ",
    "Answer": "ចម្លើយ",
    "Other answers": "ចម្លើយផ្សេងទៀត",
    "Other answers ({n})": "ចម្លើយផ្សេងទៀត ({n})",
    "Sensitive: a position can reveal where a victim or a shelter is. Type coordinates only if "
    "they are needed, never a shelter's or safe house's position. This form never reads the "
    "device's location.":
        "ព័ត៌មានរសើប៖ ទីតាំងអាចបង្ហាញកន្លែងជនរងគ្រោះ ឬជម្រក។ វាយបញ្ចូលកូអរដោនេ តែពេលចាំបាច់ "
        "ហើយកុំបញ្ចូលទីតាំងជម្រក ឬផ្ទះសុវត្ថិភាព។ ទម្រង់នេះមិនដែលអានទីតាំងរបស់ឧបករណ៍ទេ។",
    # h12
    "not sealed (draft)": "មិនទាន់បិទត្រា (សេចក្ដីព្រាង)",
    "sealed, cannot change ({fingerprint})": "បានបិទត្រា មិនអាចកែប្រែបានទេ ({fingerprint})",
    "Draft: not final yet. It can still be edited; make it final when it is complete.":
        "សេចក្ដីព្រាង៖ មិនទាន់ចុងក្រោយ។ នៅអាចកែបាន។ សូមធ្វើឱ្យវាចុងក្រោយ នៅពេលវាពេញលេញ។",
    "Final: sealed on {date} by {who}. It cannot change; any correction is recorded as an "
    "amendment. Seal fingerprint: {fingerprint}":
        "ចុងក្រោយ៖ បានបិទត្រានៅ {date} ដោយ {who}។ វាមិនអាចកែប្រែបានទេ "
        "ការកែតម្រូវណាមួយត្រូវកត់ត្រាជាវិសោធនកម្ម។ ស្នាមត្រា៖ {fingerprint}",
    "Languages": "ភាសា",
    "Profile": "ប្រវត្តិរូប",
    "complete": "ពេញលេញ",
    "to complete": "ត្រូវបំពេញបន្ថែម",
    "Sealed?": "បានបិទត្រា?",
    "Select the suspect first.": "សូមជ្រើសរើសជនសង្ស័យជាមុនសិន។",
    "Make the statement final": "ធ្វើឱ្យសេចក្ដីថ្លែងការណ៍ជាចុងក្រោយ",
    "A final statement is sealed and can never change; a correction is then recorded as an "
    "amendment. Make it final now?":
        "សេចក្ដីថ្លែងការណ៍ចុងក្រោយត្រូវបានបិទត្រា ហើយមិនអាចកែប្រែបានទៀតទេ "
        "ការកែតម្រូវត្រូវកត់ត្រាជាវិសោធនកម្ម។ ធ្វើឱ្យវាជាចុងក្រោយឥឡូវនេះឬ?",
    "The statement is final and sealed.": "សេចក្ដីថ្លែងការណ៍ជាចុងក្រោយ ហើយបានបិទត្រា។",
    "Cancel referral": "លុបចោលការបញ្ជូន",
    "Why is this referral cancelled?": "ហេតុអ្វីបានជាលុបចោលការបញ្ជូននេះ?",
    "Give a reason to cancel the referral.": "សូមផ្ដល់មូលហេតុដើម្បីលុបចោលការបញ្ជូន។",
    "The referral was cancelled.": "ការបញ្ជូនត្រូវបានលុបចោល។",
    "Complete / edit person…": "បំពេញ / កែប្រែព័ត៌មានបុគ្គល…",
    "Record return…": "កត់ត្រាការវិលត្រឡប់…",
    "Edit draft…": "កែសេចក្ដីព្រាង…",
    "Make final…": "ធ្វើឱ្យជាចុងក្រោយ…",
    "Amend…": "វិសោធនកម្ម…",
    "Edit suspect…": "កែប្រែជនសង្ស័យ…",
    "Cancel referral…": "លុបចោលការបញ្ជូន…",
    "Saved: {what}": "បានរក្សាទុក៖ {what}",
    "Today": "ថ្ងៃនេះ",
    # A minor: yes/no as a fact ("is"/"is not"), not the spoken reply particle បាទ/ចាស.
    "yes": "មែន",
    "no": "មិនមែន",
    "{n} unfinished forms\nResume or discard them": "ទម្រង់មិនទាន់បញ្ចប់ {n}\nបន្ត ឬបោះបង់វា",
    "{n} overdue referrals\nPast their due date": "ការបញ្ជូនហួសកាលកំណត់ {n}\nលើសថ្ងៃកំណត់",
    "{n} new referrals\nWaiting to be accepted": "ការបញ្ជូនថ្មី {n}\nកំពុងរង់ចាំការទទួលយក",
    "{n} people still to complete\nFound at a rescue, profile not finished":
        "បុគ្គល {n} នាក់ត្រូវបំពេញបន្ថែម\nរកឃើញក្នុងការជួយសង្គ្រោះ ប្រវត្តិរូបមិនទាន់ពេញលេញ",
    "not connected to HQ yet": "មិនទាន់ភ្ជាប់ជាមួយទីស្នាក់ការកណ្ដាលទេ",
    "last sync failed, will retry": "សមកាលកម្មចុងក្រោយបរាជ័យ នឹងព្យាយាមម្ដងទៀត",
    "last sync {when}": "សមកាលកម្មចុងក្រោយ {when}",
    "never synced": "មិនដែលធ្វើសមកាលកម្ម",
    "{n} changes not yet sent\n{last}": "ការផ្លាស់ប្ដូរ {n} មិនទាន់បានផ្ញើ\n{last}",
    "● All done: nothing is waiting.": "● រួចរាល់៖ គ្មានអ្វីរង់ចាំទេ។",
    "● Work waiting: see below.": "● មានការងាររង់ចាំ៖ មើលខាងក្រោម។",
    "● Needs attention: overdue work or a failed sync.":
        "● ត្រូវការយកចិត្តទុកដាក់៖ ការងារហួសកាលកំណត់ ឬសមកាលកម្មបរាជ័យ។",
    # h13
    "%1 left out: their consent to share is missing.": "%1 នាក់មិនត្រូវបានបញ្ជូន៖ ខ្វះការយល់ព្រមឱ្យចែករំលែកព័ត៌មាន។",
    "%1 people on the list": "មនុស្ស %1 នាក់ក្នុងបញ្ជី",
    "%1 people saved to the quick list.": "បានរក្សាទុកមនុស្ស %1 នាក់ក្នុងបញ្ជីរហ័ស។",
    "%1 referred.": "បានបញ្ជូន %1 នាក់។",
    "Age (approx.)": "អាយុ (ប្រហាក់ប្រហែល)",
    "Age disputed": "អាយុមិនច្បាស់",
    "Consent": "ការយល់ព្រម",
    "Embassy contact": "ទាក់ទងស្ថានទូត",
    "Interpreter": "អ្នកបកប្រែ",
    "Line %1: %2": "បន្ទាត់ទី %1៖ %2",
    "Name (as given)": "ឈ្មោះ (តាមដែលបានប្រាប់)",
    "One line per person. Tab moves to the next cell; Ctrl+S saves the new lines; select saved people and press Ctrl+E to record their screening or Ctrl+R to refer them together. Languages: codes such as khm tha vie tgl hin. People stay out of the figures until screened, and each line is completed later with the full victim form (never entered twice).":
        "មួយបន្ទាត់សម្រាប់មនុស្សម្នាក់។ ចុច Tab ដើម្បីទៅក្រឡាបន្ទាប់ Ctrl+S ដើម្បីរក្សាទុកបន្ទាត់ថ្មី "
        "ជ្រើសរើសមនុស្សដែលបានរក្សាទុក ហើយចុច Ctrl+E ដើម្បីកត់ត្រាការត្រួតពិនិត្យ ឬ Ctrl+R ដើម្បីបញ្ជូនពួកគេរួមគ្នា។ ភាសា៖ កូដដូចជា khm tha vie tgl hin។ "
        "មនុស្សមិនត្រូវបានរាប់ក្នុងតួលេខទេ រហូតដល់ការត្រួតពិនិត្យ ហើយបន្ទាត់នីមួយៗនឹងត្រូវបំពេញបន្ថែមនៅពេលក្រោយ "
        "ដោយទម្រង់ជនរងគ្រោះពេញលេញ (មិនបញ្ចូលម្ដងទៀតទេ)។",
    "Only if consent is missing: why refer anyway": "តែក្នុងករណីខ្វះការយល់ព្រម៖ ហេតុអ្វីនៅតែបញ្ជូន",
    "Quick list": "បញ្ជីរហ័ស",
    "Quick list of people found": "បញ្ជីរហ័សនៃមនុស្សដែលបានរកឃើញ",
    "Quick list of people found…": "បញ្ជីរហ័សនៃមនុស្សដែលបានរកឃើញ…",
    "Refer": "បញ្ជូន",
    "Refer %1 people": "បញ្ជូនមនុស្ស %1 នាក់",
    "Refer selected… (Ctrl+R)": "បញ្ជូនអ្នកដែលបានជ្រើស… (Ctrl+R)",
    "Save new lines (Ctrl+S)": "រក្សាទុកបន្ទាត់ថ្មី (Ctrl+S)",
    "Select saved people first (Shift or Ctrl + click).": "សូមជ្រើសរើសមនុស្សដែលបានរក្សាទុកជាមុនសិន (Shift ឬ Ctrl + ចុច)។",
    "Supervisor's override": "ការសម្រេចលើកលែងរបស់អ្នកគ្រប់គ្រង",
    "Type a line for each person first.": "សូមបញ្ចូលមួយបន្ទាត់សម្រាប់មនុស្សម្នាក់ៗជាមុនសិន។",
    "child": "កុមារ",
    "given": "យល់ព្រម",
    "identified victim": "ជនរងគ្រោះដែលបានកំណត់អត្តសញ្ញាណ",
    "not a victim": "មិនមែនជនរងគ្រោះ",
    "not asked": "មិនទាន់បានសួរ",
    "not screened yet": "មិនទាន់ត្រួតពិនិត្យ",
    "partly given": "យល់ព្រមខ្លះ",
    "presumed victim": "សន្មតថាជាជនរងគ្រោះ",
    "refused": "បដិសេធ",
    "witness": "សាក្សី",
    "%1 people screened.": "បានត្រួតពិនិត្យមនុស្ស %1 នាក់។",
    "%1 already referred there.": "%1 នាក់បានបញ្ជូនទៅទីនោះរួចហើយ។",
    "Court": "តុលាការ",
    "Decided by": "សម្រេចដោយ",
    "Foreign authority": "អាជ្ញាធរបរទេស",
    "NGO": "អង្គការមិនមែនរដ្ឋាភិបាល",
    "Outcome": "លទ្ធផល",
    "Police": "នគរបាល",
    "Prosecutor": "អយ្យការ",
    "Screen %1 people": "ត្រួតពិនិត្យមនុស្ស %1 នាក់",
    "Screen selected… (Ctrl+E)": "ត្រួតពិនិត្យអ្នកដែលបានជ្រើស… (Ctrl+E)",
    "Social affairs": "សង្គមកិច្ច",
    # h13: family, tracing, case plan, closure
    "returned home and followed up": "បានវិលត្រឡប់ទៅផ្ទះ និងបានតាមដាន",
    "transferred": "បានផ្ទេរ",
    "not a trafficking case": "មិនមែនជាករណីជួញដូរមនុស្ស",
    "the person declined services": "បុគ្គលនោះបដិសេធសេវា",
    "contact lost": "បាត់ទំនាក់ទំនង",
    "deceased": "បានទទួលមរណភាព",
    "other reason": "មូលហេតុផ្សេងទៀត",
    "done {date}": "បានធ្វើរួច {date}",
    "OVERDUE by {n} days": "ហួសកាលកំណត់ {n} ថ្ងៃ",
    "due": "មិនទាន់ដល់កាលកំណត់",
    "Closed on {date}: {reason}.": "បានបិទនៅ {date}៖ {reason}។",
    "Open case.": "សំណុំរឿងកំពុងបើក។",
    "Home": "លំនៅដ្ឋាន",
    "Social worker": "បុគ្គលិកសង្គមកិច្ច",
    "Family and guardian": "គ្រួសារ និងអាណាព្យាបាល",
    "What": "អ្វីដែលត្រូវធ្វើ",
    "guardian": "អាណាព្យាបាល",
    "{outcome}, on {date}": "{outcome} នៅថ្ងៃ {date}",
    "Follow-up done": "ការតាមដានបានធ្វើរួច",
    "What came of it? (no names)": "លទ្ធផលយ៉ាងដូចម្ដេច? (កុំសរសេរឈ្មោះ)",
    "The follow-up is marked done.": "ការតាមដានត្រូវបានសម្គាល់ថាបានធ្វើរួច។",
    "Close the case": "បិទសំណុំរឿង",
    "Why is the case closed?": "ហេតុអ្វីបានជាបិទសំណុំរឿង?",
    "The case is closed.": "សំណុំរឿងត្រូវបានបិទ។",
    "Close case…": "បិទសំណុំរឿង…",
    "Add family member or guardian…": "បន្ថែមសមាជិកគ្រួសារ ឬអាណាព្យាបាល…",
    "Plan a follow-up…": "គ្រោងការតាមដាន…",
    "Mark done…": "សម្គាល់ថាបានធ្វើរួច…",
    "People: home, family, tracing": "បុគ្គល៖ លំនៅដ្ឋាន គ្រួសារ ការស្វែងរកគ្រួសារ",
    "Case plan: follow-ups": "ផែនការករណី៖ ការតាមដាន",
    "Family and plan": "គ្រួសារ និងផែនការ",
    "{n} follow-ups overdue\nCase plans past their date":
        "ការតាមដានហួសកាលកំណត់ {n}\nផែនការករណីហួសកាលកំណត់",
    "Overdue follow-ups": "ការតាមដានហួសកាលកំណត់",
    "No follow-up is overdue.": "គ្មានការតាមដានណាហួសកាលកំណត់ទេ។",
    "{case} · {person}: {what}, due {date} (overdue by {n} days)":
        "{case} · {person}៖ {what} កាលកំណត់ {date} (ហួស {n} ថ្ងៃ)",
    "Tracing outcome recorded.": "បានកត់ត្រាលទ្ធផលនៃការស្វែងរកគ្រួសារ។",
    "Follow-up planned.": "បានគ្រោងការតាមដាន។",
    "Tracing outcome…": "លទ្ធផលនៃការស្វែងរកគ្រួសារ…",
    "Transferred from {a} to {b} on {date}.": "បានផ្ទេរពី {a} ទៅ {b} នៅថ្ងៃ {date}។",
    "Kept here as history: it cannot be changed on this device.":
        "រក្សាទុកនៅទីនេះជាប្រវត្តិ៖ មិនអាចកែប្រែនៅលើឧបករណ៍នេះបានទេ។",
    "Transfer the case": "ផ្ទេរសំណុំរឿង",
    "To which post?": "ទៅប៉ុស្តិ៍ណា?",
    "Why does the case go there? (no names)": "ហេតុអ្វីបានជាសំណុំរឿងទៅទីនោះ? (កុំសរសេរឈ្មោះ)",
    "The case goes to the other post at the next sync; it stays here as history.":
        "សំណុំរឿងនឹងទៅប៉ុស្តិ៍នោះនៅពេលធ្វើសមកាលកម្មលើកក្រោយ ហើយនៅតែមាននៅទីនេះជាប្រវត្តិ។",
    "Transfer to another post…": "ផ្ទេរទៅប៉ុស្តិ៍ផ្សេង…",
    # h14
    "Matches": "ការផ្គូផ្គងមនុស្ស",
    "Born / age": "ថ្ងៃកំណើត / អាយុ",
    "Case": "សំណុំរឿង",
    "Case A": "សំណុំរឿង ក",
    "Case B": "សំណុំរឿង ខ",
    "Person A": "បុគ្គល ក",
    "Person B": "បុគ្គល ខ",
    "Phone": "ទូរស័ព្ទ",
    "Score": "ពិន្ទុ",
    "Evidence": "ភស្តុតាង",
    "Different people": "មនុស្សផ្សេងគ្នា",
    "Same person: link": "មនុស្សតែមួយ៖ ភ្ជាប់",
    "Find possible matches": "ស្វែងរកការផ្គូផ្គង",
    "Kept apart: they will not be suggested again.": "បានបំបែក៖ នឹងមិនត្រូវបានស្នើម្ដងទៀតទេ។",
    "Linked: both records are kept and counted as one person.":
        "បានភ្ជាប់៖ កំណត់ត្រាទាំងពីរត្រូវបានរក្សាទុក ហើយរាប់ជាមនុស្សម្នាក់។",
    "Possible matches to review: {n}": "ការផ្គូផ្គងដែលត្រូវពិនិត្យ៖ {n}",
    "{n} new possible matches": "ការផ្គូផ្គងថ្មី {n}",
    "The same person may have been recorded twice, at this post or another. Compare the two "
    "records; linking keeps both and counts them as one person.":
        "មនុស្សម្នាក់អាចត្រូវបានកត់ត្រាពីរដង នៅប៉ុស្តិ៍នេះ ឬប៉ុស្តិ៍ផ្សេង។ សូមប្រៀបធៀបកំណត់ត្រាទាំងពីរ។ "
        "ការភ្ជាប់រក្សាទុកកំណត់ត្រាទាំងពីរ ហើយរាប់ជាមនុស្សម្នាក់។",
    "not on this device": "មិនមាននៅលើឧបករណ៍នេះ",
    "name": "ឈ្មោះ",
    "sex": "ភេទ",
    "age": "អាយុ",
    "nationality": "សញ្ជាតិ",
    "phone": "ទូរស័ព្ទ",
    "same": "ដូចគ្នា",
    "alike": "ស្រដៀងគ្នា",
    "alike but for a word": "ស្រដៀងគ្នា លើកលែងតែមួយពាក្យ",
    "somewhat alike": "ស្រដៀងគ្នាខ្លះ",
    "different": "ខុសគ្នា",
    "same date": "ថ្ងៃដូចគ្នា",
    "within a year": "ក្នុងរយៈពេលមួយឆ្នាំ",
    "within 3 years": "ក្នុងរយៈពេល ៣ ឆ្នាំ",
    "within 8 years": "ក្នុងរយៈពេល ៨ ឆ្នាំ",
    "far apart": "ឆ្ងាយពីគ្នា",
    # h11voc: the vocabulary's words (fieldapp/vocabulary.py) not listed above
    "Complete profile": "ប្រវត្តិរូបពេញលេញ",
    "Contact lost": "បាត់ទំនាក់ទំនង",
    "Cross-border handover": "ការប្រគល់ទទួលឆ្លងដែន",
    "Deceased": "បានស្លាប់",
    "Embassy": "ស្ថានទូត",
    "Given": "យល់ព្រម",
    "Government": "រដ្ឋាភិបាល",
    "Identified": "បានកំណត់អត្តសញ្ញាណ",
    "Identified victim": "ជនរងគ្រោះដែលបានកំណត់អត្តសញ្ញាណ",
    "International organisation": "អង្គការអន្តរជាតិ",
    "Not a victim": "មិនមែនជាជនរងគ្រោះ",
    "Not asked yet": "មិនទាន់បានសួរ",
    "Not screened yet": "មិនទាន់បានត្រួតពិនិត្យ",
    "Not trafficking": "មិនមែនការជួញដូរមនុស្ស",
    "Partly given": "យល់ព្រមខ្លះ",
    "Presumed victim": "សន្មតថាជាជនរងគ្រោះ",
    "Refused": "បដិសេធ",
    "Returned home and followed up": "បានវិលត្រឡប់ទៅផ្ទះ និងបានតាមដាន",
    "The person declined services": "សាមីខ្លួនបានបដិសេធសេវា",
    "Transferred": "បានផ្ទេរ",
    "Urgent": "បន្ទាន់",
    "Victims rehabilitated": "ជនរងគ្រោះដែលបានស្តារនីតិសម្បទា",
    "Victims returned home": "ជនរងគ្រោះដែលបានវិលត្រឡប់ទៅផ្ទះវិញ",
    "Witness": "សាក្សី",
    # h11voc: the reports screen and PDF (was fieldapp/ui/reports/strings_km.py)
    "From": "ពី",
    "To": "ដល់",
    "Year": "ឆ្នាំ",
    "Custom period": "រយៈពេលជ្រើសរើស",
    "Exploitation type": "ប្រភេទនៃការកេងប្រវ័ញ្ច",
    "All": "ទាំងអស់",
    "Show": "បង្ហាញ",
    "Export PDF…": "នាំចេញជា PDF…",
    "Export figures…": "នាំចេញតួលេខ…",
    "Computing the figures…": "កំពុងគណនាតួលេខ…",
    "Figures for {start} to {end}, as of {as_of}.":
        "តួលេខពី {start} ដល់ {end} គិតត្រឹម {as_of}។",
    "Numbers on this screen are exact. Exports and the PDF hide counts below {t}.":
        "លេខនៅលើអេក្រង់នេះពិតប្រាកដ។ ឯកសារនាំចេញ និង PDF លាក់ចំនួនតិចជាង {t}។",
    "Saved {path}": "បានរក្សាទុក {path}",
    "Could not make the report": "មិនអាចបង្កើតរបាយការណ៍បានទេ",
    "Numbers": "លេខ",
    "Total": "សរុប",
    "Change": "បម្រែបម្រួល",
    "Last year": "ឆ្នាំមុន",
    "This period": "រយៈពេលនេះ",
    "Same period last year": "រយៈពេលដូចគ្នាឆ្នាំមុន",
    "Median days from referral to completion: {days}":
        "មធ្យមភាគថ្ងៃពីការបញ្ជូនដល់ការបញ្ចប់៖ {days}",
    "none completed": "មិនទាន់មានការបញ្ចប់",
    "Trafficking rescues and victims: report":
        "របាយការណ៍ស្តីពីការជួយសង្គ្រោះ និងជនរងគ្រោះពីការជួញដូរមនុស្ស",
    "Period": "រយៈពេល",
    "Made on": "ធ្វើនៅថ្ងៃ",
    "Small numbers": "ចំនួនតូចៗ",
    "'<{t}' means between 1 and {m}; 'x' is hidden so that a small number cannot be worked out from the totals. Charts draw hidden numbers as zero.":
        "'<{t}' មានន័យថាពី ១ ដល់ {m}; 'x' ត្រូវបានលាក់ ដើម្បីកុំឱ្យគេគណនាចំនួនតូចពីចំនួនសរុបបាន។ ក្រាហ្វិកបង្ហាញចំនួនដែលលាក់ជាសូន្យ។",
    "Headline figures": "តួលេខសំខាន់ៗ",
    "Definitions": "និយមន័យ",
    "Definitions are given in English.": "និយមន័យត្រូវបានផ្តល់ជាភាសាអង់គ្លេស។",
    "Page {n}": "ទំព័រ {n}",
    "Cases by exploitation type": "ករណីតាមប្រភេទនៃការកេងប្រវ័ញ្ច",
    "Cases by province": "ករណីតាមខេត្ត",
    "Cases by post": "ករណីតាមប៉ុស្តិ៍",
    "Cases by month": "ករណីតាមខែ",
    "Cases by year": "ករណីតាមឆ្នាំ",
    "Victims rescued by sex": "ជនរងគ្រោះដែលបានជួយសង្គ្រោះតាមភេទ",
    "Victims rescued by age group": "ជនរងគ្រោះដែលបានជួយសង្គ្រោះតាមក្រុមអាយុ",
    "Victims rescued by nationality": "ជនរងគ្រោះដែលបានជួយសង្គ្រោះតាមសញ្ជាតិ",
    "Victims rescued by exploitation type": "ជនរងគ្រោះតាមប្រភេទនៃការកេងប្រវ័ញ្ច",
    "Victims per month by exploitation type": "ជនរងគ្រោះប្រចាំខែតាមប្រភេទនៃការកេងប្រវ័ញ្ច",
    "Victims by age group and sex": "ជនរងគ្រោះតាមក្រុមអាយុ និងភេទ",
    "Victims rehabilitated and returned home":
        "ជនរងគ្រោះដែលបានស្តារនីតិសម្បទា និងបានវិលត្រឡប់ទៅផ្ទះវិញ",
    "Referrals by service and status": "ការបញ្ជូនតាមសេវា និងស្ថានភាព",
    "Overdue referrals by service": "ការបញ្ជូនហួសកាលកំណត់តាមសេវា",
    "Median days from referral to completion": "មធ្យមភាគថ្ងៃពីការបញ្ជូនដល់ការបញ្ចប់",
    "Year-on-year change": "បម្រែបម្រួលធៀបនឹងឆ្នាំមុន",
    "Referral outcomes": "លទ្ធផលនៃការបញ្ជូន",
    "Cases (rescue operations)": "ករណី (ប្រតិបត្តិការជួយសង្គ្រោះ)",
    "Victims rescued": "ជនរងគ្រោះដែលបានជួយសង្គ្រោះ",
    "Child victims (under 18)": "ជនរងគ្រោះជាកុមារ (អាយុក្រោម ១៨ ឆ្នាំ)",
    "Suspects arrested": "ជនសង្ស័យដែលបានចាប់ខ្លួន",
    "Age group": "ក្រុមអាយុ",
    "Month": "ខែ",
    "Count": "ចំនួន",
    "Stage": "ដំណាក់កាល",
    "Suspects sent to court": "ជនសង្ស័យដែលបានបញ្ជូនទៅតុលាការ",
    "Cross-border cases": "ករណីឆ្លងដែន",
    # h12km: the national desk's window (issue 14)
    "This is the national desk: it reads and searches every post's cases. Rescues, people, statements and referrals are recorded at the posts; HQ refuses them from the desk.":
        "នេះជាការិយាល័យថ្នាក់ជាតិ៖ វាអាន និងស្វែងរកករណីរបស់គ្រប់ប៉ុស្តិ៍។ ការជួយសង្គ្រោះ មនុស្ស សេចក្ដីថ្លែងការណ៍ និងការបញ្ជូន ត្រូវកត់ត្រានៅប៉ុស្តិ៍។ ទីស្នាក់ការកណ្ដាលបដិសេធកំណត់ត្រាទាំងនេះពីការិយាល័យថ្នាក់ជាតិ។",
    "Today at the national desk": "ថ្ងៃនេះនៅការិយាល័យថ្នាក់ជាតិ",
    "National desk (every post's cases)": "ការិយាល័យថ្នាក់ជាតិ (ករណីរបស់គ្រប់ប៉ុស្តិ៍)",
    # h12km: why HQ could not be reached (the sync page), without repeating the lead
    "The connection to {address} was refused.": "ការតភ្ជាប់ទៅ {address} ត្រូវបានបដិសេធ។",
    "{address} did not answer.": "{address} មិនបានឆ្លើយតបទេ។",
    "There is no connection to {address}.": "មិនមានការតភ្ជាប់ទៅ {address} ទេ។",
    "No usable answer after {n} attempts.": "មិនបានទទួលចម្លើយដែលអាចប្រើបាន ក្រោយការព្យាយាម {n} ដង។",
    "The sync ran out of time; what was sent is kept.":
        "ការធ្វើសមកាលកម្មអស់ពេល។ អ្វីដែលបានផ្ញើរួច ត្រូវបានរក្សាទុក។",
    # h12km: the figure definitions (fieldapp/reports/definitions.py), shown in Khmer
    "Rescue operations (one case number each) whose operation date is in the period, by the exploitation type recorded on the rescue.":
        "ប្រតិបត្តិការជួយសង្គ្រោះ (មួយលេខសំណុំរឿងសម្រាប់ប្រតិបត្តិការនីមួយៗ) ដែលកាលបរិច្ឆេទប្រតិបត្តិការស្ថិតក្នុងរយៈពេលនេះ តាមប្រភេទនៃការកេងប្រវ័ញ្ចដែលបានកត់ត្រាលើការជួយសង្គ្រោះ។",
    "Rescue operations in the period by the province where the operation took place.":
        "ប្រតិបត្តិការជួយសង្គ្រោះក្នុងរយៈពេលនេះ តាមខេត្តដែលប្រតិបត្តិការបានធ្វើឡើង។",
    "Rescue operations in the period by the post that recorded them.":
        "ប្រតិបត្តិការជួយសង្គ្រោះក្នុងរយៈពេលនេះ តាមប៉ុស្តិ៍ដែលបានកត់ត្រាប្រតិបត្តិការនោះ។",
    "Rescue operations by calendar month of the operation date.":
        "ប្រតិបត្តិការជួយសង្គ្រោះ តាមខែប្រតិទិននៃកាលបរិច្ឆេទប្រតិបត្តិការ។",
    "Rescue operations by calendar year of the operation date.":
        "ប្រតិបត្តិការជួយសង្គ្រោះ តាមឆ្នាំប្រតិទិននៃកាលបរិច្ឆេទប្រតិបត្តិការ។",
    "Victims recorded under the selected rescues, by sex as recorded. Every victim figure counts presumed and identified victims only: people quick-listed and not yet screened, people screened as not a victim, and witnesses are left out.":
        "ជនរងគ្រោះដែលបានកត់ត្រាក្រោមការជួយសង្គ្រោះដែលបានជ្រើស តាមភេទដូចដែលបានកត់ត្រា។ គ្រប់តួលេខអំពីជនរងគ្រោះ រាប់តែអ្នកដែលសន្មតថាជាជនរងគ្រោះ និងជនរងគ្រោះដែលបានកំណត់អត្តសញ្ញាណប៉ុណ្ណោះ៖ មិនរាប់មនុស្សដែលមានក្នុងបញ្ជីរហ័ស ហើយមិនទាន់បានត្រួតពិនិត្យ មនុស្សដែលត្រួតពិនិត្យហើយថាមិនមែនជាជនរងគ្រោះ និងសាក្សីទេ។",
    "Age on the operation date: from the date of birth when known, else the estimated age; 'unknown' when neither was recorded. Groups 0-13, 14-17, 18-24, 25-34, 35+.":
        "អាយុនៅថ្ងៃប្រតិបត្តិការ៖ គិតពីថ្ងៃខែឆ្នាំកំណើត បើដឹង បើមិនដឹង គិតតាមអាយុប៉ាន់ស្មាន។ «មិនដឹង» នៅពេលមិនបានកត់ត្រាទាំងពីរ។ ក្រុមអាយុ ០-១៣, ១៤-១៧, ១៨-២៤, ២៥-៣៤, ៣៥+។",
    "ISO 3166-1 alpha-3 nationality as recorded; 'unknown' when blank.":
        "សញ្ជាតិដូចដែលបានកត់ត្រា (កូដប្រទេសបីអក្សរតាមស្តង់ដារ ISO ៣១៦៦-១)។ «មិនដឹង» នៅពេលទុកទទេ។",
    "Victims by the exploitation type of the rescue they were recorded under.":
        "ជនរងគ្រោះ តាមប្រភេទនៃការកេងប្រវ័ញ្ចនៃការជួយសង្គ្រោះដែលពួកគេត្រូវបានកត់ត្រានៅក្រោម។",
    "Victims by month of their rescue's operation date and its exploitation type.":
        "ជនរងគ្រោះ តាមខែនៃកាលបរិច្ឆេទប្រតិបត្តិការជួយសង្គ្រោះរបស់ពួកគេ និងតាមប្រភេទនៃការកេងប្រវ័ញ្ចរបស់ការជួយសង្គ្រោះនោះ។",
    "The age and sex tables crossed (the age pyramid).":
        "តារាងអាយុ និងតារាងភេទ ដាក់ប្រសព្វគ្នា (ពីរ៉ាមីតអាយុ)។",
    "Suspects recorded under the selected rescues. The stages are cumulative: 'arrested' counts suspects whose status is arrested, sent to court or convicted; 'sent to court' counts sent to court or convicted; 'convicted' counts convicted. The headline 'suspects sent to court' instead counts persons sent to court on a day in the period, by the date of their first sent-to-court (or conviction) event, whatever year their case is from: a suspect in several cases, or two suspect records linked as one person, counts once. A suspect with no dated event is dated by the clock stamp of the status change.":
        "ជនសង្ស័យដែលបានកត់ត្រាក្រោមការជួយសង្គ្រោះដែលបានជ្រើស។ ដំណាក់កាលទាំងនេះរាប់បន្តគ្នា៖ «បានចាប់ខ្លួន» រាប់ជនសង្ស័យដែលមានស្ថានភាព បានចាប់ខ្លួន បានបញ្ជូនទៅតុលាការ ឬបានផ្ដន្ទាទោស។ «បានបញ្ជូនទៅតុលាការ» រាប់អ្នកដែលបានបញ្ជូនទៅតុលាការ ឬបានផ្ដន្ទាទោស។ «បានផ្ដន្ទាទោស» រាប់តែអ្នកដែលបានផ្ដន្ទាទោស។ ចំណែកតួលេខសំខាន់ «ជនសង្ស័យដែលបានបញ្ជូនទៅតុលាការ» វិញ រាប់បុគ្គលដែលត្រូវបានបញ្ជូនទៅតុលាការនៅថ្ងៃណាមួយក្នុងរយៈពេលនេះ តាមកាលបរិច្ឆេទនៃព្រឹត្តិការណ៍បញ្ជូនទៅតុលាការ (ឬការផ្ដន្ទាទោស) លើកដំបូងរបស់គាត់ ទោះបីករណីរបស់គាត់ជាករណីនៃឆ្នាំណាក៏ដោយ៖ ជនសង្ស័យម្នាក់ដែលពាក់ព័ន្ធក្នុងករណីច្រើន ឬកំណត់ត្រាជនសង្ស័យពីរដែលបានភ្ជាប់ថាជាបុគ្គលតែមួយ ត្រូវរាប់តែម្ដងប៉ុណ្ណោះ។ ជនសង្ស័យដែលគ្មានព្រឹត្តិការណ៍ដែលមានកាលបរិច្ឆេទ ត្រូវយកត្រាពេលវេលានៃការប្ដូរស្ថានភាពជាកាលបរិច្ឆេទ។",
    "Rehabilitated: victims with at least one completed referral for shelter, medical care, psychosocial support, education or vocational training. Returned home: victims with at least one completed referral for repatriation or reintegration. A victim counts once in each line however many referrals were completed. A return whose family was judged unsafe (alternative care) is not 'returned home'. When the report is set to the ministry's reading (exclusive outcomes), a victim returned home is not also counted as rehabilitated, so the two lines add up to the victims with an outcome.":
        "បានស្តារនីតិសម្បទា៖ ជនរងគ្រោះដែលមានការបញ្ជូនយ៉ាងហោចណាស់មួយដែលបានបញ្ចប់ សម្រាប់ទីជម្រក ការថែទាំសុខភាព ការគាំទ្រផ្លូវចិត្តសង្គម ការអប់រំ ឬការបណ្តុះបណ្តាលវិជ្ជាជីវៈ។ បានវិលត្រឡប់ទៅផ្ទះវិញ៖ ជនរងគ្រោះដែលមានការបញ្ជូនយ៉ាងហោចណាស់មួយដែលបានបញ្ចប់ សម្រាប់ការធ្វើមាតុភូមិនិវត្តន៍ ឬការធ្វើសមាហរណកម្មឡើងវិញ។ ជនរងគ្រោះម្នាក់ត្រូវរាប់តែម្ដងក្នុងជួរនីមួយៗ ទោះបីមានការបញ្ជូនបានបញ្ចប់ច្រើនប៉ុណ្ណាក៏ដោយ។ ការវិលត្រឡប់ដែលក្រុមគ្រួសារត្រូវបានវាយតម្លៃថាគ្មានសុវត្ថិភាព (ការថែទាំជំនួស) មិនមែនជា «បានវិលត្រឡប់ទៅផ្ទះវិញ» ទេ។ នៅពេលរបាយការណ៍ត្រូវបានកំណត់តាមការអានរបស់ក្រសួង (លទ្ធផលដាច់ដោយឡែកពីគ្នា) ជនរងគ្រោះដែលបានវិលត្រឡប់ទៅផ្ទះវិញ មិនត្រូវរាប់ជាបានស្តារនីតិសម្បទាទៀតទេ ដូច្នេះជួរទាំងពីរបូកគ្នាស្មើនឹងចំនួនជនរងគ្រោះដែលមានលទ្ធផល។",
    "Referrals of the selected rescues' victims. The status is derived from the referral's events ordered by their clock stamps (the same rule on every device and at HQ), as of the moment the report is made.":
        "ការបញ្ជូនរបស់ជនរងគ្រោះនៃការជួយសង្គ្រោះដែលបានជ្រើស។ ស្ថានភាពត្រូវបានកំណត់ពីព្រឹត្តិការណ៍នៃការបញ្ជូន តម្រៀបតាមត្រាពេលវេលារបស់វា (ច្បាប់ដូចគ្នានៅលើគ្រប់ឧបករណ៍ និងនៅទីស្នាក់ការកណ្ដាល) គិតត្រឹមពេលដែលរបាយការណ៍ត្រូវបានធ្វើ។",
    "Referrals whose due date is before the report date and that are not completed, declined or cancelled.":
        "ការបញ្ជូនដែលថ្ងៃផុតកំណត់មុនថ្ងៃធ្វើរបាយការណ៍ ហើយមិនទាន់បានបញ្ចប់ មិនត្រូវបានបដិសេធ និងមិនត្រូវបានលុបចោល។",
    "Over completed referrals: calendar days from the day the referral was created to the day of the event that completed it. Not shown when fewer completed referrals than the small-cell threshold.":
        "គិតលើការបញ្ជូនដែលបានបញ្ចប់៖ ចំនួនថ្ងៃប្រតិទិន ពីថ្ងៃដែលការបញ្ជូនត្រូវបានបង្កើត ដល់ថ្ងៃនៃព្រឹត្តិការណ៍ដែលបានបញ្ចប់ការបញ្ជូននោះ។ មិនបង្ហាញទេ នៅពេលចំនួនការបញ្ជូនដែលបានបញ្ចប់តិចជាងកម្រិតនៃចំនួនតូច។",
    "Each headline count for the period against the same period one year earlier: change = this period - last period; percentage = change / last period, one decimal (none when last period is 0). The headline counts are cases, victims, child victims, suspects arrested, suspects sent to court (by the day they were sent), victims rehabilitated, victims returned home and cross-border cases.":
        "តួលេខសំខាន់នីមួយៗនៃរយៈពេលនេះ ធៀបនឹងរយៈពេលដូចគ្នាកាលពីមួយឆ្នាំមុន៖ បម្រែបម្រួល = រយៈពេលនេះ - រយៈពេលមុន។ ភាគរយ = បម្រែបម្រួល / រយៈពេលមុន មានខ្ទង់ទសភាគមួយ (មិនបង្ហាញទេ នៅពេលរយៈពេលមុនស្មើ ០)។ តួលេខសំខាន់ៗគឺ ករណី ជនរងគ្រោះ ជនរងគ្រោះជាកុមារ ជនសង្ស័យដែលបានចាប់ខ្លួន ជនសង្ស័យដែលបានបញ្ជូនទៅតុលាការ (តាមថ្ងៃដែលពួកគេត្រូវបានបញ្ជូន) ជនរងគ្រោះដែលបានស្តារនីតិសម្បទា ជនរងគ្រោះដែលបានវិលត្រឡប់ទៅផ្ទះវិញ និងករណីឆ្លងដែន។",
    "Cases in the period that are a handover from a foreign authority, or that name a referring country or a country of recruitment, transit or exploitation other than Cambodia.":
        "ករណីក្នុងរយៈពេលនេះ ដែលជាការប្រគល់ទទួលពីអាជ្ញាធរបរទេស ឬដែលបញ្ជាក់ប្រទេសបញ្ជូន ឬប្រទេសនៃការជ្រើសរើស ការឆ្លងកាត់ ឬការកេងប្រវ័ញ្ច ក្រៅពីប្រទេសកម្ពុជា។",
    # h11voc: the form window (was fieldapp/ui/forms/strings_km.py)
    "YYYY-MM-DD": "ឆ្នាំ-ខែ-ថ្ងៃ",
    "YYYY-MM-DD HH:MM": "ឆ្នាំ-ខែ-ថ្ងៃ ម៉ោង:នាទី",
    "Now": "ឥឡូវនេះ",
    "— choose —": "— ជ្រើសរើស —",
    "Images (*.jpg *.jpeg *.png *.heic)": "រូបភាព (*.jpg *.jpeg *.png *.heic)",
    "Recordings (*.m4a *.mp3 *.ogg *.wav *.amr)":
        "ការថតសំឡេង (*.m4a *.mp3 *.ogg *.wav *.amr)",
    "All files (*)": "ឯកសារទាំងអស់ (*)",
    "Attach a file": "ភ្ជាប់ឯកសារ",
    "Encrypting and storing {name}…": "កំពុងអ៊ិនគ្រីប និងរក្សាទុក {name}…",
    "Attached: {name} (stored encrypted)": "បានភ្ជាប់៖ {name} (រក្សាទុកដោយអ៊ិនគ្រីប)",
    "A file is attached (stored encrypted).": "មានឯកសារភ្ជាប់ (រក្សាទុកដោយអ៊ិនគ្រីប)។",
    "Nothing attached.": "មិនទាន់មានឯកសារភ្ជាប់ទេ។",
    "Choose file…": "ជ្រើសរើសឯកសារ…",
    "Remove": "ដកចេញ",
    "Yes": "បាទ/ចាស",
    "No": "ទេ",
    "Add an entry to “{label}”": "បន្ថែមមួយទៀតក្នុង «{label}»",
    "{label}: entry {n}": "{label}៖ ទី {n}",
    "Remove entry {n}": "ដកចេញទី {n}",
    "The draft could not be saved: {reason}": "មិនអាចរក្សាទុកសេចក្ដីព្រាងបានទេ៖ {reason}",
    "Opening the form…": "កំពុងបើកទម្រង់…",
    "Show this form in the other language; nothing typed is lost.":
        "បង្ហាញទម្រង់នេះជាភាសាផ្សេង។ អ្វីដែលបានវាយមិនបាត់ទេ។",
    "Save record": "រក្សាទុកកំណត់ត្រា",
    "Close (keep draft)": "បិទ (រក្សាសេចក្ដីព្រាង)",
    "Discard draft…": "បោះបង់សេចក្ដីព្រាង…",
    "Throw away everything typed in this form? This cannot be undone.":
        "បោះបង់អ្វីៗទាំងអស់ដែលបានវាយក្នុងទម្រង់នេះ? មិនអាចត្រឡប់វិញបានទេ។",
    "Discard": "បោះបង់",
    "Keep it": "រក្សាទុក",
    "Your unsaved draft from {time} was restored.":
        "សេចក្ដីព្រាងដែលមិនទាន់រក្សាទុករបស់អ្នកពី {time} ត្រូវបានស្ដារឡើងវិញ។",
    "Draft saved (encrypted) at {time}":
        "បានរក្សាទុកសេចក្ដីព្រាង (អ៊ិនគ្រីប) នៅម៉ោង {time}",
    "%1 answer(s) need attention before this can be saved.":
        "មានចម្លើយ %1 ដែលត្រូវពិនិត្យមុនពេលរក្សាទុក។",
    "Saving…": "កំពុងរក្សាទុក…",
    "{form} — saved {time} — {n} answers": "{form} — រក្សាទុកនៅ {time} — ចម្លើយ {n}",
    "Unfinished forms": "ទម្រង់ដែលមិនទាន់បញ្ចប់",
    "These forms were not finished (the app was closed or the power went off). Everything typed was kept, encrypted. Resume one, or discard it.":
        "ទម្រង់ទាំងនេះមិនទាន់បញ្ចប់ទេ (កម្មវិធីត្រូវបានបិទ ឬដាច់ភ្លើង)។ អ្វីៗដែលបានវាយត្រូវបានរក្សាទុកដោយអ៊ិនគ្រីប។ សូមបន្តទម្រង់មួយ ឬបោះបង់វា។",
    "Resume": "បន្ត",
    "Later": "ពេលក្រោយ",
    "{form} — for {person}": "{form} — សម្រាប់ {person}",
    "Undo: put entry {n} back": "មិនធ្វើវិញ៖ ដាក់ធាតុទី {n} មកវិញ",
    # h11voc: audit actions (fieldapp/vocabulary.AuditAction)
    "case closed": "បានបិទសំណុំរឿង",
    "checked": "បានពិនិត្យ",
    "report figures rebuilt": "បានគណនាតួលេខរបាយការណ៍ឡើងវិញ",
    "consent overridden": "បានបដិសេធការយល់ព្រម ដោយមានមូលហេតុ",
    "consent recorded": "បានកត់ត្រាការយល់ព្រម",
    "device set up": "បានរៀបចំឧបករណ៍",
    "draft discarded": "បានបោះបង់សេចក្ដីព្រាង",
    "draft saved as record": "បានរក្សាទុកសេចក្ដីព្រាងជាកំណត់ត្រា",
    "enrolled with HQ": "បានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាល",
    "exported": "បាននាំចេញ",
    "file attached": "បានភ្ជាប់ឯកសារ",
    "kept apart": "បានបំបែក",
    "linked as one person": "បានភ្ជាប់ជាមនុស្សតែមួយ",
    "match reopened": "បានបើកការផ្គូផ្គងឡើងវិញ",
    "matches searched": "បានស្វែងរកការផ្គូផ្គង",
    "passphrase reset": "បានកំណត់ឃ្លាសម្ងាត់ឡើងវិញ",
    "people quick-listed": "បានកត់ត្រាមនុស្សក្នុងបញ្ជីរហ័ស",
    "recovery key set": "បានកំណត់សោសង្គ្រោះ",
    "referred onward": "បានបញ្ជូនបន្ត",
    "referred together": "បានបញ្ជូនរួមគ្នា",
    "repeat child interview recorded": "បានកត់ត្រាការសម្ភាសកុមារម្ដងទៀត",
    "return recorded": "បានកត់ត្រាការវិលត្រឡប់",
    "screened": "បានត្រួតពិនិត្យ",
    "social worker waived": "បានលើកលែងបុគ្គលិកសង្គមកិច្ច",
    "statements sealed": "បានបិទត្រាសេចក្ដីថ្លែងការណ៍",
    "suspect case recorded": "បានកត់ត្រាសំណុំរឿងជនសង្ស័យ",
    "suspect identifier recorded": "បានកត់ត្រាអត្តសញ្ញាណជនសង្ស័យ",
    "suspect's progress recorded": "បានកត់ត្រាដំណើរការរបស់ជនសង្ស័យ",
    "sync file written": "បានសរសេរឯកសារធ្វើសមកាលកម្ម",
    "user added": "បានបន្ថែមអ្នកប្រើ",
    # h11voc: sync errors without English inside Khmer
    "The sync did not finish. Nothing is lost: try again.":
        "ការធ្វើសមកាលកម្មមិនបានបញ្ចប់ទេ។ គ្មានអ្វីបាត់បង់ទេ៖ សូមព្យាយាមម្ដងទៀត។",
    "The last sync did not finish.": "ការធ្វើសមកាលកម្មចុងក្រោយមិនបានបញ្ចប់ទេ។",
    # h12msg: the errors' templates (context "Errors"; fieldapp/domain/errors.py)
    # form answers (formkit): what a typed value needs
    "'{name}' allows at most {max_count} entries": "«{name}» អាចមានយ៉ាងច្រើន {max_count} ធាតុ។",
    "'{name}' is a {type_name} and holds no answer": "«{name}» ({type_name}) មិនផ្ទុកចម្លើយទេ។",
    "'{name}' is worked out by the form and cannot be set": "«{name}» ត្រូវបានគណនាដោយទម្រង់ ហើយមិនអាចកំណត់ដោយដៃបានទេ។",
    "Attach a file.": "សូមភ្ជាប់ឯកសារ។",
    "Enter a date and time.": "សូមបញ្ចូលកាលបរិច្ឆេទ និងម៉ោង។",
    "Enter a date as YYYY-MM-DD.": "សូមបញ្ចូលកាលបរិច្ឆេទ (ឆ្នាំ-ខែ-ថ្ងៃ)។",
    "Enter a number.": "សូមបញ្ចូលលេខ។",
    "Enter a time as HH:MM.": "សូមបញ្ចូលម៉ោងជា ម៉ោង:នាទី។",
    "Enter a whole number.": "សូមបញ្ចូលចំនួនគត់។",
    "The text is too long (at most {max_length} characters).": "អត្ថបទវែងពេក (យ៉ាងច្រើន {max_length} តួអក្សរ)។",
    "Tick to confirm.": "សូមគូសដើម្បីបញ្ជាក់។",
    "Type latitude and longitude in degrees, e.g. 13.65 102.56.":
        "សូមវាយរយៈទទឹង និងរយៈបណ្តោយ ជាដឺក្រេ ឧ. ១៣.៦៥ ១០២.៥៦។",
    "{count} answer(s) need attention: {names}": "ចម្លើយចំនួន {count} ត្រូវការការពិនិត្យ៖ {names}",
    "no form for record '{record}' applies here": "គ្មានទម្រង់សម្រាប់កំណត់ត្រា «{record}» ប្រើបាននៅទីនេះទេ។",
    "no form called '{form_id}'": "គ្មានទម្រង់ឈ្មោះ «{form_id}» ទេ។",
    "this draft belongs to form '{draft_form}', not '{form_id}'":
        "សេចក្ដីព្រាងនេះជារបស់ទម្រង់ «{draft_form}» មិនមែន «{form_id}» ទេ។",
    "{key}: open this form from a case": "{key}៖ សូមបើកទម្រង់នេះពីសំណុំរឿងមួយ។",
    "{name}: must be one of {allowed}": "{name}៖ ត្រូវតែជាមួយក្នុងចំណោម {allowed}។",
    "{name}: not a country code from the list (ISO 3166-1 alpha-3)": "{name}៖ មិនមែនជាប្រទេសក្នុងបញ្ជីទេ។",
    "{name}: not a valid {kind}": "{name}៖ មិនមែនជា{kind}ត្រឹមត្រូវទេ។",
    "{name}: required": "{name}៖ សូមបំពេញចន្លោះនេះ។",
    "unknown column(s): {unknown}": "ជួរឈរដែលមិនស្គាល់៖ {unknown}",
    "unknown field(s): {unknown}": "ចន្លោះដែលមិនស្គាល់៖ {unknown}",
    "unknown guardian field(s): {unknown}": "ចន្លោះអាណាព្យាបាលដែលមិនស្គាល់៖ {unknown}",
    "draft context: unknown key(s) {unknown}": "បរិបទសេចក្ដីព្រាង៖ មិនស្គាល់ {unknown}",
    "row {n}: {exc}": "ជួរទី {n}៖ {exc}",
    "could not unlock: {reason}": "មិនអាចដោះសោបានទេ៖ {reason}",
    "a received record does not fit this store: {reason}":
        "កំណត់ត្រាដែលបានទទួល មិនត្រូវនឹងឃ្លាំងទិន្នន័យនេះទេ៖ {reason}",
    # passphrases and unlocking
    "passphrase {reason}": "ឃ្លាសម្ងាត់ {reason}",
    "too short: use at least {n} characters": "ខ្លីពេក៖ សូមប្រើយ៉ាងតិច {n} តួអក្សរ",
    "too common, easily guessed: use several unrelated words":
        "ប្រើញឹកញាប់ពេក ងាយទាយ៖ សូមប្រើពាក្យច្រើនដែលមិនទាក់ទងគ្នា",
    "repeated characters are easily guessed: use several unrelated words":
        "តួអក្សរដដែលៗ ងាយទាយ៖ សូមប្រើពាក្យច្រើនដែលមិនទាក់ទងគ្នា",
    "sequences and keyboard patterns are easily guessed: use several unrelated words":
        "លំដាប់លេខ ឬគ្រាប់ចុចជាប់គ្នា ងាយទាយ៖ សូមប្រើពាក្យច្រើនដែលមិនទាក់ទងគ្នា",
    "do not use your user name or the post's name": "កុំប្រើឈ្មោះអ្នកប្រើ ឬឈ្មោះប៉ុស្តិ៍",
    "too easy to guess: add more words (four unrelated words are good)":
        "ងាយទាយពេក៖ សូមបន្ថែមពាក្យ (ពាក្យបួនដែលមិនទាក់ទងគ្នាគឺល្អ)",
    "passphrase: use at least {n} characters": "ឃ្លាសម្ងាត់៖ សូមប្រើយ៉ាងតិច {n} តួអក្សរ។",
    "wrong passphrase": "ឃ្លាសម្ងាត់មិនត្រឹមត្រូវ។",
    "unknown user or wrong passphrase": "ឈ្មោះអ្នកប្រើ ឬឃ្លាសម្ងាត់មិនត្រឹមត្រូវ។",
    "this recovery key does not open this device's store": "សោសង្គ្រោះនេះមិនអាចបើកឃ្លាំងទិន្នន័យរបស់ឧបករណ៍នេះបានទេ។",
    "too many failed attempts: wait {seconds} s before trying again":
        "ព្យាយាមខុសច្រើនដងពេក៖ សូមរង់ចាំ {seconds} វិនាទី មុននឹងព្យាយាមម្ដងទៀត។",
    "user name: 1 to 64 characters, no tabs or line breaks":
        "ឈ្មោះអ្នកប្រើ៖ ពី ១ ដល់ ៦៤ តួអក្សរ ដោយគ្មានការចុះបន្ទាត់។",
    "user '{username}' already exists on this device": "អ្នកប្រើ «{username}» មានរួចហើយនៅលើឧបករណ៍នេះ។",
    "user '{username}' is not active on this device": "អ្នកប្រើ «{username}» មិនសកម្មនៅលើឧបករណ៍នេះទេ។",
    "no user '{username}' on this device": "គ្មានអ្នកប្រើ «{username}» នៅលើឧបករណ៍នេះទេ។",
    "centre staff need a transit centre: give --centre (e.g. PTC)":
        "បុគ្គលិកមជ្ឈមណ្ឌលត្រូវការមជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្ន៖ សូមជ្រើសរើសមជ្ឈមណ្ឌល។",
    "unknown post '{post_code}'; known posts: {codes}": "មិនស្គាល់ប៉ុស្តិ៍ «{post_code}»៖ ប៉ុស្តិ៍ដែលស្គាល់គឺ {codes}",
    "this session does not hold the statement key: unlock as a supervisor":
        "វគ្គនេះមិនមានសោសេចក្ដីថ្លែងការណ៍ទេ៖ សូមដោះសោជាអ្នកគ្រប់គ្រង។",
    "your role ({role}) cannot do this; ask a supervisor":
        "តួនាទីរបស់អ្នក ({role}) មិនអាចធ្វើការនេះបានទេ៖ សូមសួរអ្នកគ្រប់គ្រង។",
    # the store
    "the store is locked: unlock it again": "ឃ្លាំងទិន្នន័យត្រូវបានចាក់សោ៖ សូមដោះសោម្ដងទៀត។",
    "the disk is full — nothing was lost; free space and try again":
        "ថាសពេញហើយ — គ្មានអ្វីបាត់បង់ទេ៖ សូមបង្កើនទំហំទំនេរ ហើយព្យាយាមម្ដងទៀត។",
    "a fieldapp store already exists in {root}": "មានឃ្លាំងទិន្នន័យ fieldapp រួចហើយនៅក្នុង {root}។",
    "no fieldapp store in {root}": "គ្មានឃ្លាំងទិន្នន័យ fieldapp នៅក្នុង {root} ទេ។",
    "no fieldapp store in {root}: run 'fieldapp init' first (or pick another --data-dir)":
        "គ្មានឃ្លាំងទិន្នន័យ fieldapp នៅក្នុង {root} ទេ៖ សូមរៀបចំកុំព្យូទ័រនេះជាមុនសិន ឬជ្រើសថតផ្សេង។",
    "this data folder is already open in another fieldapp window or command; close it first":
        "ថតទិន្នន័យនេះកំពុងបើកនៅក្នុងបង្អួច fieldapp ផ្សេងទៀតរួចហើយ៖ សូមបិទវាជាមុនសិន។",
    "the database failed its integrity check (it was altered or damaged); nothing was written — restore from backup or ask HQ to recover it":
        "មូលដ្ឋានទិន្នន័យមិនឆ្លងកាត់ការត្រួតពិនិត្យភាពត្រឹមត្រូវ (វាត្រូវបានកែប្រែ ឬខូច)៖ "
        "គ្មានអ្វីត្រូវបានសរសេរទេ — សូមស្ដារពីច្បាប់បម្រុងទុក ឬស្នើទីស្នាក់ការកណ្ដាលឱ្យជួយស្ដារ។",
    "the database failed its integrity check (it was altered, damaged, or is not a fieldapp store); nothing was written":
        "មូលដ្ឋានទិន្នន័យមិនឆ្លងកាត់ការត្រួតពិនិត្យភាពត្រឹមត្រូវ (វាត្រូវបានកែប្រែ ខូច ឬមិនមែនជាឃ្លាំងទិន្នន័យ fieldapp)៖ "
        "គ្មានអ្វីត្រូវបានសរសេរទេ។",
    "the database failed its integrity check; nothing was written":
        "មូលដ្ឋានទិន្នន័យមិនឆ្លងកាត់ការត្រួតពិនិត្យភាពត្រឹមត្រូវ៖ គ្មានអ្វីត្រូវបានសរសេរទេ។",
    "a sealed {entity} field does not open with this device's key":
        "ចន្លោះដែលបានបិទត្រានៃ {entity} មិនអាចបើកដោយសោរបស់ឧបករណ៍នេះបានទេ។",
    "the keystore file is damaged": "ឯកសារឃ្លាំងសោខូច។",
    "the keystore file is damaged (a key of the wrong size)": "ឯកសារឃ្លាំងសោខូច (សោមានទំហំមិនត្រឹមត្រូវ)។",
    "the keystore file is damaged or from an unknown version": "ឯកសារឃ្លាំងសោខូច ឬមកពីកំណែដែលមិនស្គាល់។",
    "the keystore's statement key does not match this store":
        "សោសេចក្ដីថ្លែងការណ៍ក្នុងឃ្លាំងសោ មិនត្រូវគ្នានឹងឃ្លាំងទិន្នន័យនេះទេ។",
    "this {what} was written by a newer release of fieldapp (schema {revision}): install that release or a later one; nothing was changed":
        "{what}នេះត្រូវបានសរសេរដោយកំណែ fieldapp ថ្មីជាង ({revision})៖ "
        "សូមដំឡើងកំណែនោះ ឬកំណែក្រោយជាងនេះ។ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។",
    "store": "ឃ្លាំងទិន្នន័យ",
    "not a clock stamp: '{text}'": "មិនមែនជាត្រាពេលវេលាទេ៖ «{text}»",
    "this device has no escrow wrap yet (it was never enrolled with HQ)":
        "ឧបករណ៍នេះមិនទាន់មានសោសង្គ្រោះនៅទីស្នាក់ការកណ្ដាលទេ (វាមិនធ្លាប់បានចុះឈ្មោះ)។",
    # cases, victims, statements
    "no such case on this device": "គ្មានសំណុំរឿងនេះនៅលើឧបករណ៍នេះទេ។",
    "no such victim on this device": "គ្មានជនរងគ្រោះនេះនៅលើឧបករណ៍នេះទេ។",
    "no such statement on this device": "គ្មានសេចក្ដីថ្លែងការណ៍នេះនៅលើឧបករណ៍នេះទេ។",
    "no such suspect on this device": "គ្មានជនសង្ស័យនេះនៅលើឧបករណ៍នេះទេ។",
    "no such referral on this device": "គ្មានការបញ្ជូននេះនៅលើឧបករណ៍នេះទេ។",
    "no such follow-up on this device": "គ្មានការតាមដាននេះនៅលើឧបករណ៍នេះទេ។",
    "no such attachment on this device": "គ្មានឯកសារភ្ជាប់នេះនៅលើឧបករណ៍នេះទេ។",
    "no such possible match on this device": "គ្មានការផ្គូផ្គងដែលអាចកើតមាននេះនៅលើឧបករណ៍នេះទេ។",
    "no such draft for this user": "គ្មានសេចក្ដីព្រាងនេះសម្រាប់អ្នកប្រើនេះទេ។",
    "no such family member of this person": "គ្មានសមាជិកគ្រួសារនេះរបស់បុគ្គលនេះទេ។",
    "this person's case file is not on this device": "សំណុំរឿងរបស់បុគ្គលនេះមិនមាននៅលើឧបករណ៍នេះទេ។",
    "this person's details are not on this device yet; sync first":
        "ព័ត៌មានរបស់បុគ្គលនេះមិនទាន់មាននៅលើឧបករណ៍នេះទេ៖ សូមធ្វើសមកាលកម្មជាមុនសិន។",
    "this case belongs to another post": "សំណុំរឿងនេះជារបស់ប៉ុស្តិ៍ផ្សេង។",
    "officers record rescues for their own post only": "មន្ត្រីនគរបាលកត់ត្រាការជួយសង្គ្រោះសម្រាប់តែប៉ុស្តិ៍របស់ខ្លួនប៉ុណ្ណោះ។",
    "this case is already closed": "សំណុំរឿងនេះត្រូវបានបិទរួចហើយ។",
    "this case was already transferred from here": "សំណុំរឿងនេះត្រូវបានផ្ទេរចេញពីទីនេះរួចហើយ។",
    "this case was transferred to post {gone}; it is kept here as history and cannot be changed here":
        "សំណុំរឿងនេះត្រូវបានផ្ទេរទៅប៉ុស្តិ៍ {gone}៖ វាត្រូវបានរក្សាទុកនៅទីនេះជាប្រវត្តិ ហើយមិនអាចកែប្រែនៅទីនេះបានទេ។",
    "closure_reason: say why the case is closed": "សូមប្រាប់មូលហេតុដែលបិទសំណុំរឿង។",
    "reason: say why the case goes to the other post": "សូមប្រាប់មូលហេតុដែលសំណុំរឿងត្រូវផ្ទេរទៅប៉ុស្តិ៍ផ្សេង។",
    "to_post: not a post in the reference list": "ប៉ុស្តិ៍ដែលត្រូវផ្ទេរទៅ មិនមាននៅក្នុងបញ្ជីទេ។",
    "to_post: the case is already at that post": "សំណុំរឿងនេះស្ថិតនៅប៉ុស្តិ៍នោះរួចហើយ។",
    "name: give the name in Khmer or Latin script (or both)":
        "ឈ្មោះ៖ សូមបញ្ចូលឈ្មោះជាអក្សរខ្មែរ ឬអក្សរឡាតាំង (ឬទាំងពីរ)។",
    "name: give the name as told (or a description, e.g. 'man, red shirt')":
        "ឈ្មោះ៖ សូមបញ្ចូលឈ្មោះតាមដែលគេប្រាប់ (ឬការពិពណ៌នា ឧ. «បុរស អាវក្រហម»)។",
    "name: give a name or an alias": "ឈ្មោះ៖ សូមបញ្ចូលឈ្មោះ ឬឈ្មោះហៅក្រៅ។",
    "name: give the family member's or guardian's name": "ឈ្មោះ៖ សូមបញ្ចូលឈ្មោះសមាជិកគ្រួសារ ឬអាណាព្យាបាល។",
    "nationality: not a country code from the list (ISO 3166-1 alpha-3, XXA stateless, XXX not known)":
        "សញ្ជាតិ៖ សូមជ្រើសរើសប្រទេសពីបញ្ជី (ឬ «គ្មានសញ្ជាតិ» ឬ «មិនដឹង»)។",
    "languages: not in the list of languages: {bad}": "ភាសា៖ មិនមាននៅក្នុងបញ្ជីភាសាទេ៖ {bad}",
    "crossing_point: unknown border post": "ច្រកឆ្លងកាត់៖ មិនស្គាល់ប៉ុស្តិ៍ព្រំដែននេះទេ។",
    "referring_agency, referring_country, handover_date: a handover needs who handed the people over, from which country, and when":
        "ការប្រគល់ត្រូវការដឹងថា អ្នកណាជាអ្នកប្រគល់មនុស្ស មកពីប្រទេសណា និងនៅពេលណា។",
    "post_code: unknown post": "មិនស្គាល់ប៉ុស្តិ៍នេះទេ។",
    "province_code: unknown province": "មិនស្គាល់ខេត្តនេះទេ។",
    "on: a date as YYYY-MM-DD": "កាលបរិច្ឆេទ៖ សូមបញ្ចូលជា ឆ្នាំ-ខែ-ថ្ងៃ។",
    "on: the date is in the future": "កាលបរិច្ឆេទនេះស្ថិតនៅពេលអនាគត។",
    "year: give a four-digit year": "ឆ្នាំ៖ សូមបញ្ចូលឆ្នាំជាលេខបួនខ្ទង់។",
    "consents: '{kind}' must be given or refused": "ការយល់ព្រម៖ «{kind}» ត្រូវតែជា «បានផ្ដល់» ឬ «បានបដិសេធ»។",
    "consents: give each consent as given or refused": "ការយល់ព្រម៖ សូមបញ្ជាក់ការយល់ព្រមនីមួយៗថា បានផ្ដល់ ឬបានបដិសេធ។",
    "decided_by and screened_on: say who decided, and when": "សូមប្រាប់ថា អ្នកណាជាអ្នកសម្រេច និងនៅពេលណា។",
    "screened_on: the date cannot be in the future": "កាលបរិច្ឆេទត្រួតពិនិត្យ មិនអាចស្ថិតនៅពេលអនាគតបានទេ។",
    "decision: link or separate": "ការសម្រេច៖ ភ្ជាប់ជាមនុស្សតែមួយ ឬបំបែក។",
    "entity: victim or suspect": "ប្រភេទ៖ ជនរងគ្រោះ ឬជនសង្ស័យ។",
    "narrative: a final statement needs the statement text":
        "សេចក្ដីថ្លែងការណ៍ចុងក្រោយត្រូវការអត្ថបទនៃសេចក្ដីថ្លែងការណ៍។",
    "child-sensitive protocol: record {missing} before finalising":
        "នីតិវិធីសម្រាប់កុមារ៖ សូមកត់ត្រា {missing} មុននឹងបញ្ចប់ជាស្ថាពរ។",
    "only a final statement is amended; edit the draft instead":
        "មានតែសេចក្ដីថ្លែងការណ៍ចុងក្រោយទេដែលអាចធ្វើវិសោធនកម្មបាន៖ សូមកែសេចក្ដីព្រាងជំនួសវិញ។",
    "this statement is already final": "សេចក្ដីថ្លែងការណ៍នេះបានបញ្ចប់ជាស្ថាពររួចហើយ។",
    "this statement is final: attach the file to an amendment":
        "សេចក្ដីថ្លែងការណ៍នេះបានបញ្ចប់ជាស្ថាពរហើយ៖ សូមភ្ជាប់ឯកសារទៅនឹងវិសោធនកម្មមួយ។",
    "this statement is final: record an amendment instead":
        "សេចក្ដីថ្លែងការណ៍នេះបានបញ្ចប់ជាស្ថាពរហើយ៖ សូមកត់ត្រាវិសោធនកម្មជំនួសវិញ។",
    "statement text can only be stored by an officer or supervisor of the post":
        "អត្ថបទសេចក្ដីថ្លែងការណ៍អាចរក្សាទុកបានតែដោយមន្ត្រីនគរបាល ឬអ្នកគ្រប់គ្រងនៃប៉ុស្តិ៍ប៉ុណ្ណោះ។",
    "social_worker_present: a child's statement needs a social worker present, or a supervisor's recorded reason why none could be":
        "សេចក្ដីថ្លែងការណ៍របស់កុមារត្រូវការបុគ្គលិកសង្គមកិច្ចចូលរួម "
        "ឬមូលហេតុដែលអ្នកគ្រប់គ្រងបានកត់ត្រាថាហេតុអ្វីគ្មាន។",
    "reason: say why no social worker could be present": "សូមប្រាប់មូលហេតុដែលគ្មានបុគ្គលិកសង្គមកិច្ចអាចចូលរួមបាន។",
    # suspects
    "identified_by: {count} of the victims given are not in this suspect's cases; link the case first":
        "ជនរងគ្រោះចំនួន {count} ដែលបានផ្ដល់ មិននៅក្នុងសំណុំរឿងរបស់ជនសង្ស័យនេះទេ៖ សូមភ្ជាប់សំណុំរឿងជាមុនសិន។",
    "kind: must be one of {event_kinds}": "ប្រភេទ៖ ត្រូវតែជាមួយក្នុងចំណោម {event_kinds}។",
    "kind: must be one of {identifier_kinds}": "ប្រភេទ៖ ត្រូវតែជាមួយក្នុងចំណោម {identifier_kinds}។",
    "roles: not HTCDS per_RoleInProcess values ({count})": "តួនាទីចំនួន {count} មិនមាននៅក្នុងបញ្ជី HTCDS ទេ។",
    "value: not a usable phone number (at least 6 digits)": "លេខទូរស័ព្ទមិនអាចប្រើបានទេ (យ៉ាងតិច ៦ ខ្ទង់)។",
    "value: not a usable {kind}": "តម្លៃនេះមិនអាចប្រើជា {kind} បានទេ។",
    # referrals, services, case plan
    "a referral that is '{now}' cannot become '{then}'": "ការបញ្ជូនដែល «{now}» មិនអាចប្ដូរទៅជា «{then}» បានទេ។",
    "provider_code: unknown service provider": "មិនស្គាល់អ្នកផ្ដល់សេវានេះទេ។",
    "provider_code: {provider} does not offer {service}": "{provider} មិនផ្ដល់សេវា {service} ទេ។",
    "referral refused: {problem}. Record the consent, or a supervisor may override with a reason":
        "ការបញ្ជូនត្រូវបានបដិសេធ៖ {problem}។ សូមកត់ត្រាការយល់ព្រម ឬអ្នកគ្រប់គ្រងអាចអនុញ្ញាតដោយផ្ដល់មូលហេតុ។",
    "consent to share with this kind of provider ({consent}) is {state}":
        "ការយល់ព្រមចែករំលែកជាមួយអ្នកផ្ដល់សេវាប្រភេទនេះ ({consent}) គឺ {state}",
    "a child's own assent (child_assent) is not recorded as given": "ការយល់ព្រមផ្ទាល់របស់កុមារ មិនទាន់បានកត់ត្រាថាបានផ្ដល់ទេ",
    "a child's consent needs a guardian's or social worker's authorisation":
        "ការយល់ព្រមរបស់កុមារត្រូវការការអនុញ្ញាតពីអាណាព្យាបាល ឬបុគ្គលិកសង្គមកិច្ច",
    "only a supervisor may refer without the person's consent":
        "មានតែអ្នកគ្រប់គ្រងទេដែលអាចបញ្ជូនដោយគ្មានការយល់ព្រមពីបុគ្គលនោះ។",
    "reason: say why the referral is declined": "សូមប្រាប់មូលហេតុដែលបដិសេធការបញ្ជូន។",
    "action: choose what happened to the referral": "សូមជ្រើសរើសអ្វីដែលបានកើតឡើងចំពោះការបញ្ជូន។",
    "victims: select the people to refer": "សូមជ្រើសរើសមនុស្សដែលត្រូវបញ្ជូន។",
    "this referral is addressed to another centre": "ការបញ្ជូននេះផ្ញើទៅមជ្ឈមណ្ឌលផ្សេង។",
    "this referral is for another person": "ការបញ្ជូននេះសម្រាប់បុគ្គលផ្សេង។",
    "this referral is no longer open; tracing is recorded on an open family-tracing referral":
        "ការបញ្ជូននេះលែងបើកហើយ៖ ការស្វែងរកក្រុមគ្រួសារត្រូវកត់ត្រាលើការបញ្ជូនស្វែងរកក្រុមគ្រួសារដែលនៅបើក។",
    "this referral is not for family tracing": "ការបញ្ជូននេះមិនមែនសម្រាប់ការស្វែងរកក្រុមគ្រួសារទេ។",
    "this referral is not for reintegration or repatriation":
        "ការបញ្ជូននេះមិនមែនសម្រាប់ការធ្វើសមាហរណកម្មឡើងវិញ ឬការធ្វើមាតុភូមិនិវត្តន៍ទេ។",
    "accept the referral before referring the person onward": "សូមទទួលយកការបញ្ជូនជាមុនសិន មុននឹងបញ្ជូនបុគ្គលនោះបន្ត។",
    "refer the victim for reintegration or repatriation first; the return is recorded on that referral":
        "សូមបញ្ជូនជនរងគ្រោះសម្រាប់ការធ្វើសមាហរណកម្មឡើងវិញ ឬការធ្វើមាតុភូមិនិវត្តន៍ជាមុនសិន៖ "
        "ការវិលត្រឡប់ត្រូវកត់ត្រាលើការបញ្ជូននោះ។",
    "return_date: required": "សូមបញ្ចូលកាលបរិច្ឆេទវិលត្រឡប់។",
    "family_safety: must be one of safe, unsafe, not_assessed":
        "សុវត្ថិភាពក្រុមគ្រួសារ៖ សូមជ្រើស មានសុវត្ថិភាព គ្មានសុវត្ថិភាព ឬមិនទាន់វាយតម្លៃ។",
    "alternative_care_plan: the family was judged unsafe; write where the person goes instead":
        "ក្រុមគ្រួសារត្រូវបានវាយតម្លៃថាគ្មានសុវត្ថិភាព៖ សូមសរសេរថាបុគ្គលនោះនឹងទៅកន្លែងណាជំនួសវិញ។",
    "a return to a family not assessed as safe needs a supervisor's approval; ask a supervisor to record it":
        "ការវិលត្រឡប់ទៅក្រុមគ្រួសារដែលមិនត្រូវបានវាយតម្លៃថាមានសុវត្ថិភាព ត្រូវការការយល់ព្រមពីអ្នកគ្រប់គ្រង៖ "
        "សូមស្នើអ្នកគ្រប់គ្រងឱ្យកត់ត្រាវា។",
    "tracing_outcome: say what the tracing found": "សូមប្រាប់លទ្ធផលនៃការស្វែងរកក្រុមគ្រួសារ។",
    "follow-up: say what is to be done and by which date": "ការតាមដាន៖ សូមប្រាប់ថាត្រូវធ្វើអ្វី និងត្រឹមថ្ងៃណា។",
    "this follow-up is already done": "ការតាមដាននេះបានធ្វើរួចហើយ។",
    "a centre plans follow-ups for a person referred to it: open the referral first":
        "មជ្ឈមណ្ឌលគ្រោងការតាមដានសម្រាប់បុគ្គលដែលបានបញ្ជូនមកខ្លួន៖ សូមបើកការបញ្ជូនជាមុនសិន។",
    # family address (gazetteer)
    "{field}: give the {level} first": "{field}៖ សូមជ្រើស{level}ជាមុនសិន។",
    "{field}: not a {level} code of Cambodia's gazetteer": "{field}៖ មិនមែនជា{level}នៅក្នុងបញ្ជីរដ្ឋបាលកម្ពុជាទេ។",
    "{field}: not inside the {level} chosen": "{field}៖ មិនស្ថិតនៅក្នុង{level}ដែលបានជ្រើសទេ។",
    "province": "ខេត្ត",
    "district": "ស្រុក",
    "commune": "ឃុំ",
    "village": "ភូមិ",
    # attachments
    "attachment: cannot attach to a {owner_entity}": "ឯកសារភ្ជាប់៖ មិនអាចភ្ជាប់ទៅ {owner_entity} បានទេ។",
    "attachment: give the file a name": "ឯកសារភ្ជាប់៖ សូមដាក់ឈ្មោះឯកសារ។",
    "attachment: save the record first, then attach the file to it":
        "ឯកសារភ្ជាប់៖ សូមរក្សាទុកកំណត់ត្រាជាមុនសិន រួចភ្ជាប់ឯកសារទៅវា។",
    "attachment: the file is {size}; the limit is {limit} (take a smaller photo or split the recording)":
        "ឯកសារភ្ជាប់៖ ឯកសារមានទំហំ {size} ប៉ុន្តែដែនកំណត់គឺ {limit} (សូមថតរូបតូចជាងនេះ ឬកាត់ការថតសំឡេងជាផ្នែក)។",
    "an attached file is missing from this device; attach it again": "ឯកសារភ្ជាប់មួយបាត់ពីឧបករណ៍នេះ៖ សូមភ្ជាប់វាម្ដងទៀត។",
    "the file to attach does not exist": "ឯកសារដែលត្រូវភ្ជាប់មិនមានទេ។",
    "this attachment's file is missing from this device": "ឯកសាររបស់ឯកសារភ្ជាប់នេះបាត់ពីឧបករណ៍នេះ។",
    "this attachment's file is not on this device": "ឯកសាររបស់ឯកសារភ្ជាប់នេះមិនមាននៅលើឧបករណ៍នេះទេ។",
    "the attachment file is damaged or was altered": "ឯកសារភ្ជាប់ខូច ឬត្រូវបានកែប្រែ។",
    "the attachment file is truncated": "ឯកសារភ្ជាប់មិនពេញលេញ។",
    "not a fieldapp attachment file, or an unknown version": "មិនមែនជាឯកសារភ្ជាប់ fieldapp ឬជាកំណែដែលមិនស្គាល់។",
    # exports, lists
    "format: must be one of {formats}": "ទម្រង់ឯកសារ៖ ត្រូវតែជាមួយក្នុងចំណោម {formats}។",
    "format: must be one of {report_formats}": "ទម្រង់ឯកសារ៖ ត្រូវតែជាមួយក្នុងចំណោម {report_formats}។",
    "format: a PDF can only be written from the window or the command line":
        "ទម្រង់ឯកសារ៖ PDF អាចសរសេរបានតែពីបង្អួចកម្មវិធីប៉ុណ្ណោះ។",
    "out: for csv give a folder (one file per record type is written)":
        "សម្រាប់ CSV សូមជ្រើសថតមួយ (ឯកសារមួយសម្រាប់កំណត់ត្រាប្រភេទនីមួយៗ)។",
    "sort: one of {sortable}": "តម្រៀប៖ មួយក្នុងចំណោម {sortable}។",
    "no such file: {path}": "គ្មានឯកសារ៖ {path}",
    "{path} already exists; choose another file name": "{path} មានរួចហើយ៖ សូមជ្រើសឈ្មោះឯកសារផ្សេង។",
    # sync and enrolment
    "this device is not enrolled with HQ: a supervisor runs 'fieldapp enrol' with the code HQ issued":
        "ឧបករណ៍នេះមិនទាន់បានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាលទេ៖ អ្នកគ្រប់គ្រងចុះឈ្មោះវាដោយប្រើលេខកូដពីទីស្នាក់ការកណ្ដាល។",
    "this device is already enrolled with HQ": "ឧបករណ៍នេះបានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាលរួចហើយ។",
    "no HQ address: enrol first or give --hq URL": "គ្មានអាសយដ្ឋានទីស្នាក់ការកណ្ដាលទេ៖ សូមចុះឈ្មោះជាមុនសិន។",
    "HQ address: give the full URL, e.g. https://hq.example.org":
        "អាសយដ្ឋានទីស្នាក់ការកណ្ដាល៖ សូមបញ្ចូលអាសយដ្ឋានពេញលេញដែលទីស្នាក់ការកណ្ដាលបានផ្ដល់ឱ្យ។",
    "HQ address: use https:// (plain http:// is only allowed to this computer, e.g. http://127.0.0.1); ask HQ for its https address":
        "អាសយដ្ឋានទីស្នាក់ការកណ្ដាល៖ ត្រូវប្រើការតភ្ជាប់សុវត្ថិភាព៖ សូមសួរទីស្នាក់ការកណ្ដាលរកអាសយដ្ឋានសុវត្ថិភាពរបស់ខ្លួន។",
    "an enrolment code is 20 letters and digits in five groups of four, e.g. ABCD-EFGH-JKMN-PQRS-TVWX: check what was typed":
        "លេខកូដចុះឈ្មោះមានអក្សរ និងលេខ ២០ តួ ជាប្រាំក្រុម ក្រុមនីមួយៗបួនតួ៖ សូមពិនិត្យអ្វីដែលបានវាយ។",
    "this enrolment code has no HQ check part (it has 12 symbols, a code has 20): ask HQ for a new code":
        "លេខកូដចុះឈ្មោះនេះខ្វះផ្នែកត្រួតពិនិត្យ (វាមាន ១២ តួ តែលេខកូដត្រូវមាន ២០ តួ)៖ សូមសុំលេខកូដថ្មីពីទីស្នាក់ការកណ្ដាល។",
    "HQ issued this code for {code_post}, but this device is set up for {device_post}; ask HQ to revoke device {device_id} and issue a code for {device_post}":
        "ទីស្នាក់ការកណ្ដាលបានចេញលេខកូដនេះសម្រាប់ {code_post} ប៉ុន្តែឧបករណ៍នេះត្រូវបានរៀបចំសម្រាប់ {device_post}៖ "
        "សូមស្នើទីស្នាក់ការកណ្ដាលឱ្យដកសិទ្ធិឧបករណ៍ {device_id} ហើយចេញលេខកូដសម្រាប់ {device_post}។",
    "HQ could not be reached ({last}, {attempt} attempts); nothing is lost, the next sync continues from here":
        "មិនអាចទាក់ទងទីស្នាក់ការកណ្ដាលបានទេ ({last} ព្យាយាម {attempt} ដង)៖ គ្មានអ្វីបាត់បង់ទេ "
        "សមកាលកម្មបន្ទាប់នឹងបន្តពីទីនេះ។",
    "HQ could not be reached at {base_url} ({words}); nothing is lost, the next sync continues from here":
        "មិនអាចទាក់ទងទីស្នាក់ការកណ្ដាលនៅ {base_url} បានទេ ({words})៖ គ្មានអ្វីបាត់បង់ទេ "
        "សមកាលកម្មបន្ទាប់នឹងបន្តពីទីនេះ។",
    "HQ has revoked this device and holds all of its changes: wipe it now with 'fieldapp wipe'":
        "ទីស្នាក់ការកណ្ដាលបានដកសិទ្ធិឧបករណ៍នេះ ហើយមានការផ្លាស់ប្ដូរទាំងអស់របស់វារួចហើយ៖ សូមលុបទិន្នន័យលើឧបករណ៍នេះឥឡូវនេះ។",
    "HQ has revoked this device. {unsent} change(s) never reached HQ: export them with 'fieldapp bundle export --out FILE', hand the file to HQ, then wipe this device with 'fieldapp wipe'":
        "ទីស្នាក់ការកណ្ដាលបានដកសិទ្ធិឧបករណ៍នេះ។ ការផ្លាស់ប្ដូរចំនួន {unsent} មិនបានទៅដល់ទីស្នាក់ការកណ្ដាលទេ៖ "
        "សូមរក្សាទុកវាជាឯកសារបិទត្រា ប្រគល់ឯកសារនោះឱ្យទីស្នាក់ការកណ្ដាល រួចលុបទិន្នន័យលើឧបករណ៍នេះ។",
    "{missing} change(s) never reached HQ and are in no sealed bundle: write them first with 'fieldapp bundle export --out FILE' and hand the file to HQ, then wipe":
        "ការផ្លាស់ប្ដូរចំនួន {missing} មិនបានទៅដល់ទីស្នាក់ការកណ្ដាល ហើយមិននៅក្នុងឯកសារបិទត្រាណាមួយទេ៖ "
        "សូមរក្សាទុកវាជាឯកសារបិទត្រា ហើយប្រគល់ឱ្យទីស្នាក់ការកណ្ដាលជាមុនសិន រួចទើបលុបទិន្នន័យ។",
    "this device is not revoked by HQ (HQ must revoke it, and the device must hear it from HQ in a sync): wiping it would lose its data":
        "ទីស្នាក់ការកណ្ដាលមិនបានដកសិទ្ធិឧបករណ៍នេះទេ (ទីស្នាក់ការកណ្ដាលត្រូវដកសិទ្ធិ ហើយឧបករណ៍ត្រូវទទួលដំណឹងនោះតាមសមកាលកម្ម)៖ "
        "ការលុបទិន្នន័យនឹងធ្វើឱ្យបាត់បង់ទិន្នន័យរបស់វា។",
    "HQ keeps acknowledging only up to change {new_acked}; ask HQ to check this device's change log":
        "ទីស្នាក់ការកណ្ដាលបញ្ជាក់ទទួលបានត្រឹមការផ្លាស់ប្ដូរទី {new_acked} ប៉ុណ្ណោះ៖ "
        "សូមស្នើទីស្នាក់ការកណ្ដាលឱ្យពិនិត្យកំណត់ហេតុនៃការផ្លាស់ប្ដូររបស់ឧបករណ៍នេះ។",
    "HQ refused: {reason}": "ទីស្នាក់ការកណ្ដាលបានបដិសេធ៖ {reason}",
    "HQ's answer to {path}": "ចម្លើយរបស់ទីស្នាក់ការកណ្ដាលចំពោះ {path}",
    "HQ's answer was not understood (version mismatch?)": "ចម្លើយរបស់ទីស្នាក់ការកណ្ដាលមិនអាចយល់បានទេ (ប្រហែលជាកំណែខុសគ្នា)។",
    "HQ's certificate is not one this device trusts (nor the one it enrolled with): nothing was sent or changed. If HQ replaced its certificate, ask HQ; otherwise someone may be between this device and HQ":
        "វិញ្ញាបនបត្ររបស់ទីស្នាក់ការកណ្ដាល មិនមែនជាវិញ្ញាបនបត្រដែលឧបករណ៍នេះទុកចិត្តទេ៖ គ្មានអ្វីត្រូវបានផ្ញើ ឬផ្លាស់ប្ដូរទេ។ "
        "បើទីស្នាក់ការកណ្ដាលបានប្ដូរវិញ្ញាបនបត្រ សូមសួរទីស្នាក់ការកណ្ដាល បើមិនដូច្នោះទេ អាចមាននរណាម្នាក់នៅចន្លោះឧបករណ៍នេះ និងទីស្នាក់ការកណ្ដាល។",
    "HQ's new key": "សោថ្មីរបស់ទីស្នាក់ការកណ្ដាល",
    "HQ's refusal": "ការបដិសេធរបស់ទីស្នាក់ការកណ្ដាល",
    "the enrolment answer": "ចម្លើយនៃការចុះឈ្មោះ",
    "the certificate HQ presented": "វិញ្ញាបនបត្រដែលទីស្នាក់ការកណ្ដាលបានបង្ហាញ",
    "the revocation notice": "សេចក្ដីជូនដំណឹងអំពីការដកសិទ្ធិ",
    "{what} did not come from HQ (its signature does not verify with the key this device trusts): nothing was changed on this device. Someone may be between this device and HQ; try again from another network and tell HQ":
        "{what} មិនបានមកពីទីស្នាក់ការកណ្ដាលទេ (ហត្ថលេខារបស់វាមិនត្រូវនឹងសោដែលឧបករណ៍នេះទុកចិត្ត)៖ "
        "គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរលើឧបករណ៍នេះទេ។ អាចមាននរណាម្នាក់នៅចន្លោះឧបករណ៍នេះ និងទីស្នាក់ការកណ្ដាល៖ "
        "សូមព្យាយាមម្ដងទៀតពីបណ្ដាញផ្សេង ហើយប្រាប់ទីស្នាក់ការកណ្ដាល។",
    "the sync round ran out of time; what was sent is kept and the next sync continues from there":
        "សមកាលកម្មអស់ពេលហើយ៖ អ្វីដែលបានផ្ញើត្រូវបានរក្សាទុក ហើយសមកាលកម្មបន្ទាប់នឹងបន្តពីទីនោះ។",
    "the file or answer from HQ is meant for another device": "ឯកសារ ឬចម្លើយពីទីស្នាក់ការកណ្ដាលនេះ គឺសម្រាប់ឧបករណ៍ផ្សេង។",
    "the return file cannot be used: {reason}": "ឯកសារត្រឡប់មិនអាចប្រើបានទេ៖ {reason}",
    # what a value of each kind is called ("return_date: not a valid date")
    "date": "កាលបរិច្ឆេទ",
    "date and time": "កាលបរិច្ឆេទ និងម៉ោង",
    "whole number": "ចំនួនគត់",
    "yes or no": "បាទ/ចាស ឬទេ",
    "list": "បញ្ជី",
    "text": "អត្ថបទ",
    "set of answers": "សំណុំចម្លើយ",
    "value": "តម្លៃ",
    "the return file was not understood (version mismatch?)": "ឯកសារត្រឡប់មិនអាចយល់បានទេ (ប្រហែលជាកំណែខុសគ្នា)។",
    "this return file was made for another device": "ឯកសារត្រឡប់នេះត្រូវបានបង្កើតសម្រាប់ឧបករណ៍ផ្សេង។",
    "this return file was made for another device, or is not a return file":
        "ឯកសារត្រឡប់នេះត្រូវបានបង្កើតសម្រាប់ឧបករណ៍ផ្សេង ឬមិនមែនជាឯកសារត្រឡប់ទេ។",
    # sealed envelopes (sync files and HQ's answers): rare, technical
    "bad device id length": "លេខសម្គាល់ឧបករណ៍មានប្រវែងមិនត្រឹមត្រូវ។",
    "device id is not UTF-8": "លេខសម្គាល់ឧបករណ៍មិនត្រឹមត្រូវ។",
    "envelope is truncated": "កញ្ចប់ទិន្នន័យមិនពេញលេញ។",
    "envelope is {count} bytes; the limit is {max_size}": "កញ្ចប់ទិន្នន័យមានទំហំ {count} បៃ ប៉ុន្តែដែនកំណត់គឺ {max_size}។",
    "envelope version {blob} is not supported (this side speaks 1)": "កំណែកញ្ចប់ទិន្នន័យ {blob} មិនត្រូវបានគាំទ្រទេ។",
    "not a fieldapp envelope (bad magic)": "មិនមែនជាកញ្ចប់ទិន្នន័យ fieldapp ទេ។",
    "sealed part is too short": "ផ្នែកដែលបានបិទត្រាខ្លីពេក។",
    "seq numbers above {max_seq} are not accepted": "លេខលំដាប់លើសពី {max_seq} មិនត្រូវបានទទួលយកទេ។",
    "seq_from is greater than seq_to": "លេខលំដាប់ចាប់ផ្ដើម ធំជាងលេខលំដាប់បញ្ចប់។",
    "the envelope could not be opened (tampered or wrong key)": "មិនអាចបើកកញ្ចប់ទិន្នន័យបានទេ (ត្រូវបានកែប្រែ ឬសោខុស)។",
    "the envelope's sender is not known here": "អ្នកផ្ញើកញ្ចប់ទិន្នន័យមិនត្រូវបានស្គាល់នៅទីនេះទេ។",
    "the envelope's signature does not verify": "ហត្ថលេខារបស់កញ្ចប់ទិន្នន័យមិនត្រឹមត្រូវ។",
    "the envelope's timestamp is not a plausible time": "ពេលវេលារបស់កញ្ចប់ទិន្នន័យមិនសមហេតុផលទេ។",
    "the payload expands beyond the size limit": "ទិន្នន័យលើសដែនកំណត់ទំហំ។",
    "the payload is not valid zstd or is too large": "ទិន្នន័យមិនត្រឹមត្រូវ ឬធំពេក។",
    "trailing bytes after the signature": "មានទិន្នន័យលើសនៅក្រោយហត្ថលេខា។",
    "unknown envelope kind {kind}": "មិនស្គាល់ប្រភេទកញ្ចប់ទិន្នន័យ {kind}។",
}

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def fill(ts_path: Path) -> list[str]:
    """Fill unfinished messages in place; return the sources still without a translation."""
    tree = ET.parse(ts_path)
    missing: list[str] = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = translation.findall("numerusform")  # a plural message: Khmer has one form
        done = translation.get("type") is None and (
            (forms[0].text or "").strip() if forms else (translation.text or "").strip())
        if done or translation.get("type") in ("obsolete", "vanished"):
            continue  # a translator's work, or a message no longer in the code
        khmer = KM.get(source)
        if khmer is None:
            missing.append(source)
            continue
        if sorted(PLACEHOLDER.findall(khmer)) != sorted(PLACEHOLDER.findall(source)):
            raise SystemExit(f"placeholders differ for {source!r}")
        if forms:
            translation.text = None
            for form in forms:
                form.text = khmer
        else:
            translation.text = khmer
        translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    text = ts_path.read_text("utf-8").replace("<?xml version='1.0' encoding='utf-8'?>",
                                              '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    ts_path.write_text(text, "utf-8")
    return missing


if __name__ == "__main__":
    missing = fill(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/i18n/fieldapp_km.ts"))
    for source in missing:
        print("no Khmer for:", repr(source))
    sys.exit(1 if missing else 0)
