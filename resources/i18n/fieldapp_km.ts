<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="km_KH">
    <context>
        <name>AccountPage</name>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="145" />
            <source>The two passphrases differ.</source>
            <translation>ឃ្លាសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="155" />
            <source>First supervisor</source>
            <translation>អ្នកគ្រប់គ្រងដំបូង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="156" />
            <source>This person manages the users of this laptop.</source>
            <translation>បុគ្គលនេះគ្រប់គ្រងអ្នកប្រើប្រាស់កុំព្យូទ័រយួរដៃនេះ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="157" />
            <source>User name</source>
            <translation>ឈ្មោះអ្នកប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="157" />
            <source>Full name (optional)</source>
            <translation>ឈ្មោះពេញ (ស្រេចចិត្ត)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="158" />
            <source>Passphrase</source>
            <translation>ឃ្លាសម្ងាត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="158" />
            <source>Repeat passphrase</source>
            <translation>វាយឃ្លាសម្ងាត់ម្ដងទៀត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="161" />
            <source>A passphrase of several words is easiest to remember; Khmer words are allowed. Nobody can read this laptop's cases without it, so keep it safe.</source>
            <translation>ឃ្លាសម្ងាត់ដែលមានពាក្យច្រើនងាយចងចាំជាងគេ ហើយអាចប្រើពាក្យខ្មែរបាន។ គ្មាននរណាម្នាក់អាចអានសំណុំរឿងលើកុំព្យូទ័រយួរដៃនេះបានទេ បើគ្មានវា ដូច្នេះសូមរក្សាវាឱ្យមានសុវត្ថិភាព។</translation>
        </message>
    </context>
    <context>
        <name>AdminView</name>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="275" />
            <source>User name</source>
            <translation>ឈ្មោះអ្នកប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="275" />
            <source>Full name</source>
            <translation>ឈ្មោះពេញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="275" />
            <source>Role</source>
            <translation>តួនាទី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="276" />
            <source>Post</source>
            <translation>ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="276" />
            <source>Centre</source>
            <translation>មជ្ឈមណ្ឌល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="280" />
            <source>Referral</source>
            <translation>ការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="280" />
            <source>Service</source>
            <translation>សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="280" />
            <source>Provider</source>
            <translation>អ្នកផ្ដល់សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="281" />
            <source>Status</source>
            <translation>ស្ថានភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="285" />
            <source>Sync conflicts to review ({n})</source>
            <translation>ភាពមិនស៊ីគ្នានៃសមកាលកម្មដែលត្រូវពិនិត្យ ({n})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="307" />
            <source>User {name} added.</source>
            <translation>បានបន្ថែមអ្នកប្រើ {name}។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="313" />
            <source>New passphrase set for {name}.</source>
            <translation>បានកំណត់ឃ្លាសម្ងាត់ថ្មីសម្រាប់ {name}។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="331" />
            <source>This laptop is enrolled with HQ: changes are now sent when a connection is available.</source>
            <translation>កុំព្យូទ័រយួរដៃនេះបានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាលហើយ៖ ការផ្លាស់ប្ដូរនឹងត្រូវផ្ញើនៅពេលមានការតភ្ជាប់។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="338" />
            <source>Enrolment failed: {reason}</source>
            <translation>ការចុះឈ្មោះបរាជ័យ៖ {reason}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="346" />
            <source>Enter HQ's address and the enrolment code HQ gave you.</source>
            <translation>សូមបញ្ចូលអាសយដ្ឋានទីស្នាក់ការកណ្ដាល និងលេខកូដចុះឈ្មោះដែលទីស្នាក់ការកណ្ដាលបានផ្ដល់ឱ្យ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="359" />
            <source>Exported to {name}. The file is NOT encrypted: keep it on an encrypted drive and delete it after handing it over.</source>
            <translation>បាននាំចេញទៅ {name}។ ឯកសារនេះមិនត្រូវបានអ៊ិនគ្រីបទេ៖ រក្សាទុកវានៅលើឧបករណ៍ផ្ទុកដែលបានអ៊ិនគ្រីប ហើយលុបវាចោលក្រោយពេលប្រគល់រួច។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="379" />
            <source>The file will NOT be encrypted</source>
            <translation>ឯកសារនឹងមិនត្រូវបានអ៊ិនគ្រីបទេ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="380" />
            <source>The exported file is NOT encrypted. Anyone who gets the file or the USB stick can read every name in it. Keep it only as long as needed, on an encrypted drive, and delete it after handing it over.</source>
            <translation>ឯកសារដែលបាននាំចេញមិនត្រូវបានអ៊ិនគ្រីបទេ។ អ្នកណាដែលបានឯកសារ ឬ USB អាចអានឈ្មោះទាំងអស់នៅក្នុងនោះ។ រក្សាទុកវាតែក្នុងរយៈពេលចាំបាច់ នៅលើឧបករណ៍ផ្ទុកដែលបានអ៊ិនគ្រីប ហើយលុបវាចោលក្រោយពេលប្រគល់រួច។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="389" />
            <source>Export to a new folder</source>
            <translation>នាំចេញទៅថតឯកសារថ្មី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="392" />
            <source>Export to a file</source>
            <translation>នាំចេញទៅជាឯកសារ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="410" />
            <source>Select a user first.</source>
            <translation>សូមជ្រើសរើសអ្នកប្រើជាមុនសិន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="417" />
            <source>People who can unlock this laptop</source>
            <translation>អ្នកដែលអាចដោះសោកុំព្យូទ័រយួរដៃនេះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="418" />
            <source>Add user…</source>
            <translation>បន្ថែមអ្នកប្រើ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="419" />
            <source>Reset passphrase…</source>
            <translation>កំណត់ឃ្លាសម្ងាត់ឡើងវិញ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="420" />
            <source>Sync conflicts to review</source>
            <translation>ភាពមិនស៊ីគ្នានៃសមកាលកម្មដែលត្រូវពិនិត្យ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="421" />
            <source>Lock after this many minutes without use:</source>
            <translation>ចាក់សោបន្ទាប់ពីមិនប្រើប្រាស់រយៈពេលប៉ុន្មាននាទី៖</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="422" />
            <source>Enrol with HQ</source>
            <translation>ចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="423" />
            <source>This laptop was set up offline. With HQ's address and an enrolment code from HQ, its changes are sent to HQ when a connection is available.</source>
            <translation>កុំព្យូទ័រយួរដៃនេះត្រូវបានរៀបចំដោយគ្មានការតភ្ជាប់។ ដោយមានអាសយដ្ឋាន និងលេខកូដចុះឈ្មោះពីទីស្នាក់ការកណ្ដាល ការផ្លាស់ប្ដូររបស់វានឹងត្រូវផ្ញើទៅទីស្នាក់ការកណ្ដាលនៅពេលមានការតភ្ជាប់។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="426" />
            <source>HQ address</source>
            <translation>អាសយដ្ឋានទីស្នាក់ការកណ្ដាល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="427" />
            <source>Enrolment code</source>
            <translation>លេខកូដចុះឈ្មោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="428" />
            <source>Enrol</source>
            <translation>ចុះឈ្មោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="429" />
            <source>Export all records (not encrypted)</source>
            <translation>នាំចេញកំណត់ត្រាទាំងអស់ (មិនអ៊ិនគ្រីប)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="430" />
            <source>CSV (a folder of tables)</source>
            <translation>CSV (ថតឯកសារនៃតារាង)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="430" />
            <source>JSON (one file)</source>
            <translation>JSON (ឯកសារមួយ)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="431" />
            <source>HTCDS 2.0 sheet (CSV)</source>
            <translation>តារាង HTCDS 2.0 (CSV)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="434" />
            <source>Export…</source>
            <translation>នាំចេញ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="449" />
            <source>HQ refused the code: it was made for another post or centre than this laptop is set up for. Ask HQ for a code for this laptop's post or centre; nothing was registered at HQ.</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានបដិសេធលេខកូដ៖ វាត្រូវបានបង្កើតសម្រាប់ប៉ុស្តិ៍ ឬមជ្ឈមណ្ឌលផ្សេង មិនមែនសម្រាប់កុំព្យូទ័រនេះទេ។ សូមសុំលេខកូដសម្រាប់ប៉ុស្តិ៍ ឬមជ្ឈមណ្ឌលរបស់កុំព្យូទ័រនេះ ពីទីស្នាក់ការកណ្ដាល។ គ្មានអ្វីត្រូវបានចុះឈ្មោះនៅទីស្នាក់ការកណ្ដាលទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="454" />
            <source>HQ made this code for {code_post}, but this laptop is set up for {post}. Nothing was kept here; ask HQ to revoke device {device} and to issue a code for {post}.</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានបង្កើតលេខកូដនេះសម្រាប់ {code_post} ប៉ុន្តែកុំព្យូទ័រនេះត្រូវបានរៀបចំសម្រាប់ {post}។ គ្មានអ្វីត្រូវបានរក្សាទុកនៅទីនេះទេ។ សូមស្នើទីស្នាក់ការកណ្ដាលឱ្យដកហូតឧបករណ៍ {device} ហើយចេញលេខកូដសម្រាប់ {post}។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="460" />
            <source>HQ could not be reached. Check the address and the connection, then try again.</source>
            <translation>មិនអាចទាក់ទងទីស្នាក់ការកណ្ដាលបានទេ។ សូមពិនិត្យអាសយដ្ឋាន និងការតភ្ជាប់ រួចព្យាយាមម្ដងទៀត។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="464" />
            <source>HQ refused the code ({reason}). Check it, or ask HQ for a new one.</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានបដិសេធលេខកូដ ({reason})។ សូមពិនិត្យវា ឬសុំលេខកូដថ្មីពីទីស្នាក់ការកណ្ដាល។</translation>
        </message>
    </context>
    <context>
        <name>AppController</name>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="256" />
            <source>The encrypted store was created, but enrolment with HQ failed: {reason} Correct the address or code and press Finish again, or clear both to enrol later in Admin.</source>
            <extracomment>Enrolled with HQ's national role: the window offers no record-writing actions. A store made by first run whose enrolment failed: the wizard asks again.</extracomment>
            <translation>ឃ្លាំងទិន្នន័យដែលបានអ៊ិនគ្រីបត្រូវបានបង្កើតហើយ ប៉ុន្តែការចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាលបរាជ័យ៖ {reason} សូមកែអាសយដ្ឋាន ឬលេខកូដ ហើយចុច បញ្ចប់ ម្ដងទៀត ឬលុបទាំងពីរដើម្បីចុះឈ្មោះនៅពេលក្រោយក្នុងផ្នែកគ្រប់គ្រង។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="278" />
            <source>Wrong user name or passphrase.</source>
            <translation>ឈ្មោះអ្នកប្រើ ឬឃ្លាសម្ងាត់មិនត្រឹមត្រូវ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="281" />
            <source>Too many wrong passphrases.</source>
            <translation>វាយឃ្លាសម្ងាត់ខុសច្រើនដងពេក។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="383" />
            <source>This device was revoked</source>
            <translation>ឧបករណ៍នេះត្រូវបានដកសិទ្ធិ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="388" />
            <source>HQ has revoked this device. {n} changes never reached HQ. Save them to a sealed file (only HQ can open it) and hand it to HQ; then this laptop's store is wiped.</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានដកសិទ្ធិឧបករណ៍នេះ។ ការផ្លាស់ប្ដូរចំនួន {n} មិនបានទៅដល់ទីស្នាក់ការកណ្ដាលទេ។ សូមរក្សាទុកវាក្នុងឯកសារបិទជិត (មានតែទីស្នាក់ការកណ្ដាលទេដែលអាចបើកបាន) ហើយប្រគល់ឱ្យទីស្នាក់ការកណ្ដាល បន្ទាប់មកឃ្លាំងទិន្នន័យនៃកុំព្យូទ័រយួរដៃនេះនឹងត្រូវលុបចោល។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="391" />
            <source>Save the changes, then wipe…</source>
            <translation>រក្សាទុកការផ្លាស់ប្ដូរ រួចលុបចោល…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="396" />
            <source>HQ has revoked this device and holds all of its changes. This laptop's store will now be wiped.</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានដកសិទ្ធិឧបករណ៍នេះ ហើយមានការផ្លាស់ប្ដូរទាំងអស់របស់វារួចហើយ។ ឃ្លាំងទិន្នន័យនៃកុំព្យូទ័រយួរដៃនេះនឹងត្រូវលុបចោលឥឡូវនេះ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="398" />
            <source>Wipe</source>
            <translation>លុបចោល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="399" />
            <source>Not now</source>
            <translation>មិនមែនឥឡូវនេះទេ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="405" />
            <source>Save unsent changes</source>
            <translation>រក្សាទុកការផ្លាស់ប្ដូរដែលមិនទាន់បានផ្ញើ</translation>
        </message>
    </context>
    <context>
        <name>AttachmentDialog</name>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="174" />
            <source>{name}: {size} bytes ({mime}). This file type cannot be shown here.</source>
            <translation>{name}៖ {size} បៃ ({mime})។ ប្រភេទឯកសារនេះមិនអាចបង្ហាញនៅទីនេះបានទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="176" />
            <source>Close</source>
            <translation>បិទ</translation>
        </message>
    </context>
    <context>
        <name>AttachmentEditor</name>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="482" />
            <source>Images (*.jpg *.jpeg *.png *.heic)</source>
            <extracomment>Arrow keys and the step they take through the options (left-to-right, wrapping).</extracomment>
            <translation>រូបភាព (*.jpg *.jpeg *.png *.heic)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="483" />
            <source>Recordings (*.m4a *.mp3 *.ogg *.wav *.amr)</source>
            <translation>ការថតសំឡេង (*.m4a *.mp3 *.ogg *.wav *.amr)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="485" />
            <source>All files (*)</source>
            <translation>ឯកសារទាំងអស់ (*)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="486" />
            <source>Attach a file</source>
            <translation>ភ្ជាប់ឯកសារ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="513" />
            <source>Encrypting and storing {name}…</source>
            <translation>កំពុងអ៊ិនគ្រីប និងរក្សាទុក {name}…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="515" />
            <source>Attached: {name} (stored encrypted)</source>
            <translation>បានភ្ជាប់៖ {name} (រក្សាទុកដោយអ៊ិនគ្រីប)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="516" />
            <source>A file is attached (stored encrypted).</source>
            <translation>មានឯកសារភ្ជាប់ (រក្សាទុកដោយអ៊ិនគ្រីប)។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="518" />
            <source>Nothing attached.</source>
            <translation>មិនទាន់មានឯកសារភ្ជាប់ទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="524" />
            <source>Choose file…</source>
            <translation>ជ្រើសរើសឯកសារ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="525" />
            <source>Remove</source>
            <translation>ដកចេញ</translation>
        </message>
    </context>
    <context>
        <name>CaseListView</name>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="423" />
            <source>{shown} cases shown</source>
            <translation>កំពុងបង្ហាញសំណុំរឿងចំនួន {shown}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="425" />
            <source>{shown} of more than {total} cases shown</source>
            <translation>កំពុងបង្ហាញសំណុំរឿង {shown} ក្នុងចំណោមច្រើនជាង {total}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="428" />
            <source>{shown} of {total} cases shown</source>
            <translation>កំពុងបង្ហាញសំណុំរឿង {shown} ក្នុងចំណោម {total}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="447" />
            <source>All provinces</source>
            <translation>គ្រប់ខេត្ត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="464" />
            <source>All posts</source>
            <translation>គ្រប់ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="450" />
            <source>All types</source>
            <translation>គ្រប់ប្រភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="454" />
            <source>Any referral status</source>
            <translation>ស្ថានភាពបញ្ជូនណាមួយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="471" />
            <source>Search</source>
            <translation>ស្វែងរក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="472" />
            <source>Case number, or a victim's or suspect's name (Khmer or Latin)</source>
            <translation>លេខសំណុំរឿង ឬឈ្មោះជនរងគ្រោះ ឬជនសង្ស័យ (អក្សរខ្មែរ ឬឡាតាំង)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="474" />
            <source>New rescue…</source>
            <translation>ការជួយសង្គ្រោះថ្មី…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="477" />
            <source>Province</source>
            <translation>ខេត្ត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="477" />
            <source>Post</source>
            <translation>ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="478" />
            <source>Type</source>
            <translation>ប្រភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="478" />
            <source>Referral</source>
            <translation>ការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="480" />
            <source>Between</source>
            <translation>ចន្លោះពី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="481" />
            <source>and</source>
            <translation>ដល់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="482" />
            <source>Minors only</source>
            <translation>តែអនីតិជនប៉ុណ្ណោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="483" />
            <source>Clear filters</source>
            <translation>សម្អាតតម្រង</translation>
        </message>
    </context>
    <context>
        <name>CasePlan</name>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="34" />
            <source>returned home and followed up</source>
            <translation>បានវិលត្រឡប់ទៅផ្ទះ និងបានតាមដាន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="36" />
            <source>transferred</source>
            <translation>បានផ្ទេរ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="37" />
            <source>not a trafficking case</source>
            <translation>មិនមែនជាករណីជួញដូរមនុស្ស</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="38" />
            <source>the person declined services</source>
            <translation>បុគ្គលនោះបដិសេធសេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="40" />
            <source>contact lost</source>
            <translation>បាត់ទំនាក់ទំនង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="41" />
            <source>deceased</source>
            <translation>បានទទួលមរណភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="42" />
            <source>other reason</source>
            <translation>មូលហេតុផ្សេងទៀត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="50" />
            <source>done {date}</source>
            <translation>បានធ្វើរួច {date}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="54" />
            <source>OVERDUE by {n} days</source>
            <translation>ហួសកាលកំណត់ {n} ថ្ងៃ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="56" />
            <source>due</source>
            <translation>មិនទាន់ដល់កាលកំណត់</translation>
        </message>
    </context>
    <context>
        <name>CasePlanTab</name>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="171" />
            <source>Closed on {date}: {reason}.</source>
            <translation>បានបិទនៅ {date}៖ {reason}។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="174" />
            <source>Open case.</source>
            <translation>សំណុំរឿងកំពុងបើក។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="175" />
            <source>Transferred from {a} to {b} on {date}.</source>
            <translation>បានផ្ទេរពី {a} ទៅ {b} នៅថ្ងៃ {date}។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="178" />
            <source>Kept here as history: it cannot be changed on this device.</source>
            <translation>រក្សាទុកនៅទីនេះជាប្រវត្តិ៖ មិនអាចកែប្រែនៅលើឧបករណ៍នេះបានទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="180" />
            <location filename="../../fieldapp/ui/case_plan.py" line="187" />
            <source>Person</source>
            <translation>បុគ្គល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="180" />
            <source>Home</source>
            <translation>លំនៅដ្ឋាន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="180" />
            <source>Social worker</source>
            <translation>បុគ្គលិកសង្គមកិច្ច</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="181" />
            <source>Family and guardian</source>
            <translation>គ្រួសារ និងអាណាព្យាបាល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="181" />
            <source>Family tracing</source>
            <translation>ការស្វែងរកក្រុមគ្រួសារ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="187" />
            <source>What</source>
            <translation>អ្វីដែលត្រូវធ្វើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="187" />
            <source>Due</source>
            <translation>ថ្ងៃផុតកំណត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="188" />
            <source>Who</source>
            <translation>អ្នកណា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="188" />
            <source>Status</source>
            <translation>ស្ថានភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="201" />
            <source>guardian</source>
            <translation>អាណាព្យាបាល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="207" />
            <source>{outcome}, on {date}</source>
            <translation>{outcome} នៅថ្ងៃ {date}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="248" />
            <source>Follow-up done</source>
            <translation>ការតាមដានបានធ្វើរួច</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="249" />
            <source>What came of it? (no names)</source>
            <translation>លទ្ធផលយ៉ាងដូចម្ដេច? (កុំសរសេរឈ្មោះ)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="261" />
            <source>The follow-up is marked done.</source>
            <translation>ការតាមដានត្រូវបានសម្គាល់ថាបានធ្វើរួច។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="267" />
            <source>Close the case</source>
            <translation>បិទសំណុំរឿង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="268" />
            <source>Why is the case closed?</source>
            <translation>ហេតុអ្វីបានជាបិទសំណុំរឿង?</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="278" />
            <location filename="../../fieldapp/ui/case_plan.py" line="283" />
            <source>Transfer the case</source>
            <translation>ផ្ទេរសំណុំរឿង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="279" />
            <source>To which post?</source>
            <translation>ទៅប៉ុស្តិ៍ណា?</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="284" />
            <source>Why does the case go there? (no names)</source>
            <translation>ហេតុអ្វីបានជាសំណុំរឿងទៅទីនោះ? (កុំសរសេរឈ្មោះ)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="296" />
            <source>The case goes to the other post at the next sync; it stays here as history.</source>
            <translation>សំណុំរឿងនឹងទៅប៉ុស្តិ៍នោះនៅពេលធ្វើសមកាលកម្មលើកក្រោយ ហើយនៅតែមាននៅទីនេះជាប្រវត្តិ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="307" />
            <source>The case is closed.</source>
            <translation>សំណុំរឿងត្រូវបានបិទ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="311" />
            <source>Close case…</source>
            <translation>បិទសំណុំរឿង…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="312" />
            <source>Transfer to another post…</source>
            <translation>ផ្ទេរទៅប៉ុស្តិ៍ផ្សេង…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="313" />
            <source>Add family member or guardian…</source>
            <translation>បន្ថែមសមាជិកគ្រួសារ ឬអាណាព្យាបាល…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="314" />
            <source>Plan a follow-up…</source>
            <translation>គ្រោងការតាមដាន…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="315" />
            <source>Mark done…</source>
            <translation>សម្គាល់ថាបានធ្វើរួច…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="316" />
            <source>People: home, family, tracing</source>
            <translation>បុគ្គល៖ លំនៅដ្ឋាន គ្រួសារ ការស្វែងរកគ្រួសារ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_plan.py" line="317" />
            <source>Case plan: follow-ups</source>
            <translation>ផែនការករណី៖ ការតាមដាន</translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="191" />
            <source>Case number</source>
            <extracomment>The first page only needs to fill the screen; later pages are bigger. Model column -&gt; sort key in caselist.SORTABLE (None: not sortable quickly at 100k). True once the user sorted by a header: searches then keep that order (slower at 100k); otherwise a search lists matches newest-recorded first, straight off the index.</extracomment>
            <translation>លេខសំណុំរឿង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="191" />
            <source>Date</source>
            <translation>កាលបរិច្ឆេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="191" />
            <source>Province</source>
            <translation>ខេត្ត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="191" />
            <source>Post</source>
            <translation>ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="192" />
            <source>Type</source>
            <translation>ប្រភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="192" />
            <source>Victims</source>
            <translation>ជនរងគ្រោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="192" />
            <source>Minors</source>
            <translation>អនីតិជន</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="74" />
            <source>not sealed (draft)</source>
            <translation>មិនទាន់បិទត្រា (សេចក្ដីព្រាង)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="75" />
            <source>sealed, cannot change ({fingerprint})</source>
            <translation>បានបិទត្រា មិនអាចកែប្រែបានទេ ({fingerprint})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="86" />
            <source>Draft: not final yet. It can still be edited; make it final when it is complete.</source>
            <translation>សេចក្ដីព្រាង៖ មិនទាន់ចុងក្រោយ។ នៅអាចកែបាន។ សូមធ្វើឱ្យវាចុងក្រោយ នៅពេលវាពេញលេញ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="89" />
            <source>Final: sealed on {date} by {who}. It cannot change; any correction is recorded as an amendment. Seal fingerprint: {fingerprint}</source>
            <translation>ចុងក្រោយ៖ បានបិទត្រានៅ {date} ដោយ {who}។ វាមិនអាចកែប្រែបានទេ ការកែតម្រូវណាមួយត្រូវកត់ត្រាជាវិសោធនកម្ម។ ស្នាមត្រា៖ {fingerprint}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="414" />
            <source>Case {number}</source>
            <translation>សំណុំរឿង {number}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="425" />
            <source>about {age}</source>
            <translation>ប្រហែល {age}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="427" />
            <source>Name (Khmer)</source>
            <translation>ឈ្មោះ (ខ្មែរ)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="427" />
            <source>Name (Latin)</source>
            <translation>ឈ្មោះ (ឡាតាំង)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="427" />
            <source>Sex</source>
            <translation>ភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="428" />
            <source>Age</source>
            <translation>អាយុ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="428" />
            <source>Minor</source>
            <translation>អនីតិជន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="428" />
            <location filename="../../fieldapp/ui/case_view.py" line="461" />
            <source>Nationality</source>
            <translation>សញ្ជាតិ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="429" />
            <source>Languages</source>
            <translation>ភាសា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="429" />
            <source>Profile</source>
            <translation>ប្រវត្តិរូប</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="431" />
            <source>yes</source>
            <translation>មែន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="431" />
            <source>no</source>
            <translation>មិនមែន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="434" />
            <source>complete</source>
            <translation>ពេញលេញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="434" />
            <source>to complete</source>
            <translation>ត្រូវបំពេញបន្ថែម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="436" />
            <location filename="../../fieldapp/ui/case_view.py" line="466" />
            <source>Victim</source>
            <translation>ជនរងគ្រោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="436" />
            <source>Interview</source>
            <translation>ការសម្ភាសន៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="436" />
            <location filename="../../fieldapp/ui/case_view.py" line="461" />
            <location filename="../../fieldapp/ui/case_view.py" line="467" />
            <source>Status</source>
            <translation>ស្ថានភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="437" />
            <source>Language</source>
            <translation>ភាសា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="437" />
            <source>Seal (SHA-256)</source>
            <translation>ត្រា (SHA-256)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="438" />
            <source>Sealed?</source>
            <translation>បានបិទត្រា?</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="441" />
            <source>(amendment)</source>
            <translation>(វិសោធនកម្ម)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="458" />
            <source>Final: sealed, it cannot change. A correction is recorded as an amendment.</source>
            <translation>ចុងក្រោយ៖ បានបិទត្រា មិនអាចផ្លាស់ប្ដូរបានទេ។ ការកែតម្រូវត្រូវកត់ត្រាជាវិសោធនកម្ម។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="460" />
            <source>Name</source>
            <translation>ឈ្មោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="460" />
            <source>Alias</source>
            <translation>ឈ្មោះក្លែងក្លាយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="460" />
            <source>Role</source>
            <translation>តួនាទី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="466" />
            <source>Service</source>
            <translation>សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="466" />
            <source>Provider</source>
            <translation>អ្នកផ្ដល់សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="467" />
            <source>Due</source>
            <translation>ថ្ងៃផុតកំណត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="471" />
            <source>conflict</source>
            <translation>មិនស៊ីគ្នា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="473" />
            <source>File</source>
            <translation>ឯកសារ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="473" />
            <location filename="../../fieldapp/ui/case_view.py" line="722" />
            <source>Type</source>
            <translation>ប្រភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="473" />
            <source>Size</source>
            <translation>ទំហំ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="474" />
            <source>Belongs to</source>
            <translation>ជាកម្មសិទ្ធិរបស់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="475" />
            <source>{kb} KB</source>
            <translation>{kb} គីឡូបៃ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="478" />
            <source>When</source>
            <translation>ពេលវេលា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="478" />
            <source>Who</source>
            <translation>អ្នកណា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="478" />
            <source>Action</source>
            <translation>សកម្មភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="478" />
            <location filename="../../fieldapp/ui/case_view.py" line="505" />
            <source>Record</source>
            <translation>កំណត់ត្រា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="481" />
            <source>Victims ({n})</source>
            <translation>ជនរងគ្រោះ ({n})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="482" />
            <source>Statements ({n})</source>
            <translation>សេចក្ដីថ្លែងការណ៍ ({n})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="483" />
            <source>Suspects ({n})</source>
            <translation>ជនសង្ស័យ ({n})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="484" />
            <source>Referrals ({n})</source>
            <translation>ការបញ្ជូន ({n})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="485" />
            <source>Attachments ({n})</source>
            <translation>ឯកសារភ្ជាប់ ({n})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="505" />
            <source>Question</source>
            <translation>សំណួរ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="505" />
            <source>Answer</source>
            <translation>ចម្លើយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="507" />
            <source>Other answers ({n})</source>
            <translation>ចម្លើយផ្សេងទៀត ({n})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="569" />
            <location filename="../../fieldapp/ui/case_view.py" line="583" />
            <location filename="../../fieldapp/ui/case_view.py" line="650" />
            <location filename="../../fieldapp/ui/case_view.py" line="659" />
            <source>Select the victim in the Victims tab first.</source>
            <translation>សូមជ្រើសរើសជនរងគ្រោះនៅផ្ទាំងជនរងគ្រោះជាមុនសិន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="576" />
            <source>Select the suspect first.</source>
            <translation>សូមជ្រើសរើសជនសង្ស័យជាមុនសិន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="607" />
            <source>Make the statement final</source>
            <translation>ធ្វើឱ្យសេចក្ដីថ្លែងការណ៍ជាចុងក្រោយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="608" />
            <source>A final statement is sealed and can never change; a correction is then recorded as an amendment. Make it final now?</source>
            <translation>សេចក្ដីថ្លែងការណ៍ចុងក្រោយត្រូវបានបិទត្រា ហើយមិនអាចកែប្រែបានទៀតទេ ការកែតម្រូវត្រូវកត់ត្រាជាវិសោធនកម្ម។ ធ្វើឱ្យវាជាចុងក្រោយឥឡូវនេះឬ?</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="622" />
            <source>The statement is final and sealed.</source>
            <translation>សេចក្ដីថ្លែងការណ៍ជាចុងក្រោយ ហើយបានបិទត្រា។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="629" />
            <source>Cancel referral</source>
            <translation>លុបចោលការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="630" />
            <source>Why is this referral cancelled?</source>
            <translation>ហេតុអ្វីបានជាលុបចោលការបញ្ជូននេះ?</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="633" />
            <source>Give a reason to cancel the referral.</source>
            <translation>សូមផ្ដល់មូលហេតុដើម្បីលុបចោលការបញ្ជូន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="644" />
            <source>The referral was cancelled.</source>
            <translation>ការបញ្ជូនត្រូវបានលុបចោល។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="718" />
            <source>← Cases</source>
            <translation>← សំណុំរឿង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="719" />
            <source>Edit rescue…</source>
            <translation>កែប្រែការជួយសង្គ្រោះ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="720" />
            <source>Date</source>
            <translation>កាលបរិច្ឆេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="720" />
            <source>Place</source>
            <translation>ទីកន្លែង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="721" />
            <source>Province</source>
            <translation>ខេត្ត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="721" />
            <source>Post</source>
            <translation>ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="722" />
            <source>Unit</source>
            <translation>អង្គភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="724" />
            <source>Add victim…</source>
            <translation>បន្ថែមជនរងគ្រោះ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="725" />
            <source>Refer to a service…</source>
            <translation>បញ្ជូនទៅសេវា…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="726" />
            <source>Quick list of people found…</source>
            <translation>បញ្ជីរហ័សនៃមនុស្សដែលបានរកឃើញ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="727" />
            <source>Record statement…</source>
            <translation>កត់ត្រាសេចក្ដីថ្លែងការណ៍…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="728" />
            <source>Read statement</source>
            <translation>អានសេចក្ដីថ្លែងការណ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="729" />
            <source>Add suspect…</source>
            <translation>បន្ថែមជនសង្ស័យ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="730" />
            <source>Complete / edit person…</source>
            <translation>បំពេញ / កែប្រែព័ត៌មានបុគ្គល…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="731" />
            <source>Record return…</source>
            <translation>កត់ត្រាការវិលត្រឡប់…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="732" />
            <source>Edit draft…</source>
            <translation>កែសេចក្ដីព្រាង…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="733" />
            <source>Make final…</source>
            <translation>ធ្វើឱ្យជាចុងក្រោយ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="734" />
            <source>Amend…</source>
            <translation>វិសោធនកម្ម…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="735" />
            <source>Edit suspect…</source>
            <translation>កែប្រែជនសង្ស័យ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="736" />
            <source>Cancel referral…</source>
            <translation>លុបចោលការបញ្ជូន…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="737" />
            <source>Attachments stay encrypted; opening one decrypts it into memory only.</source>
            <translation>ឯកសារភ្ជាប់នៅតែត្រូវបានអ៊ិនគ្រីប៖ ការបើកឯកសារមួយ ឌិគ្រីបវាតែក្នុងអង្គចងចាំប៉ុណ្ណោះ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="739" />
            <source>Open</source>
            <translation>បើក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="741" />
            <source>Victims</source>
            <translation>ជនរងគ្រោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="741" />
            <source>Statements</source>
            <translation>សេចក្ដីថ្លែងការណ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="741" />
            <source>Suspects</source>
            <translation>ជនសង្ស័យ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="742" />
            <source>Referrals</source>
            <translation>ការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="742" />
            <source>Attachments</source>
            <translation>ឯកសារភ្ជាប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="743" />
            <source>Audit trail</source>
            <translation>កំណត់ត្រាសវនកម្ម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="743" />
            <source>Other answers</source>
            <translation>ចម្លើយផ្សេងទៀត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="744" />
            <source>Family and plan</source>
            <translation>គ្រួសារ និងផែនការ</translation>
        </message>
    </context>
    <context>
        <name>ComboEditor</name>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="236" />
            <source>— choose —</source>
            <translation>— ជ្រើសរើស —</translation>
        </message>
    </context>
    <context>
        <name>DateEditor</name>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="195" />
            <source>YYYY-MM-DD</source>
            <extracomment>A select with at most this many fixed choices shows radio buttons, not a drop-down.</extracomment>
            <translation>ឆ្នាំ-ខែ-ថ្ងៃ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="196" />
            <source>Today</source>
            <translation>ថ្ងៃនេះ</translation>
        </message>
    </context>
    <context>
        <name>DateTimeEditor</name>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="208" />
            <source>YYYY-MM-DD HH:MM</source>
            <translation>ឆ្នាំ-ខែ-ថ្ងៃ ម៉ោង:នាទី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="209" />
            <source>Now</source>
            <translation>ឥឡូវនេះ</translation>
        </message>
    </context>
    <context>
        <name>DraftsDialog</name>
        <message>
            <location filename="../../fieldapp/ui/forms/offer.py" line="70" />
            <source>{form} — saved {time} — {n} answers</source>
            <translation>{form} — រក្សាទុកនៅ {time} — ចម្លើយ {n}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/offer.py" line="111" />
            <source>Unfinished forms</source>
            <translation>ទម្រង់ដែលមិនទាន់បញ្ចប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/offer.py" line="112" />
            <source>These forms were not finished (the app was closed or the power went off). Everything typed was kept, encrypted. Resume one, or discard it.</source>
            <translation>ទម្រង់ទាំងនេះមិនទាន់បញ្ចប់ទេ (កម្មវិធីត្រូវបានបិទ ឬដាច់ភ្លើង)។ អ្វីៗដែលបានវាយត្រូវបានរក្សាទុកដោយអ៊ិនគ្រីប។ សូមបន្តទម្រង់មួយ ឬបោះបង់វា។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/offer.py" line="115" />
            <source>Resume</source>
            <translation>បន្ត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/offer.py" line="116" />
            <source>Discard</source>
            <translation>បោះបង់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/offer.py" line="117" />
            <source>Later</source>
            <translation>ពេលក្រោយ</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="vocabulary_phrases.py" line="232" />
            <source>'{name}' allows at most {max_count} entries</source>
            <translation>«{name}» អាចមានយ៉ាងច្រើន {max_count} ធាតុ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="233" />
            <source>'{name}' is a {type_name} and holds no answer</source>
            <translation>«{name}» ({type_name}) មិនផ្ទុកចម្លើយទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="234" />
            <source>'{name}' is worked out by the form and cannot be set</source>
            <translation>«{name}» ត្រូវបានគណនាដោយទម្រង់ ហើយមិនអាចកំណត់ដោយដៃបានទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="235" />
            <source>Attach a file.</source>
            <translation>សូមភ្ជាប់ឯកសារ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="236" />
            <source>Enter a date and time.</source>
            <translation>សូមបញ្ចូលកាលបរិច្ឆេទ និងម៉ោង។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="237" />
            <source>Enter a date as YYYY-MM-DD.</source>
            <translation>សូមបញ្ចូលកាលបរិច្ឆេទ (ឆ្នាំ-ខែ-ថ្ងៃ)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="238" />
            <source>Enter a number.</source>
            <translation>សូមបញ្ចូលលេខ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="239" />
            <source>Enter a time as HH:MM.</source>
            <translation>សូមបញ្ចូលម៉ោងជា ម៉ោង:នាទី។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="240" />
            <source>Enter a whole number.</source>
            <translation>សូមបញ្ចូលចំនួនគត់។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="241" />
            <source>HQ address: give the full URL, e.g. https://hq.example.org</source>
            <translation>អាសយដ្ឋានទីស្នាក់ការកណ្ដាល៖ សូមបញ្ចូលអាសយដ្ឋានពេញលេញដែលទីស្នាក់ការកណ្ដាលបានផ្ដល់ឱ្យ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="242" />
            <source>HQ address: use https:// (plain http:// is only allowed to this computer, e.g. http://127.0.0.1); ask HQ for its https address</source>
            <translation>អាសយដ្ឋានទីស្នាក់ការកណ្ដាល៖ ត្រូវប្រើការតភ្ជាប់សុវត្ថិភាព៖ សូមសួរទីស្នាក់ការកណ្ដាលរកអាសយដ្ឋានសុវត្ថិភាពរបស់ខ្លួន។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="243" />
            <source>HQ could not be reached ({last}, {attempt} attempts); nothing is lost, the next sync continues from here</source>
            <translation>មិនអាចទាក់ទងទីស្នាក់ការកណ្ដាលបានទេ ({last} ព្យាយាម {attempt} ដង)៖ គ្មានអ្វីបាត់បង់ទេ សមកាលកម្មបន្ទាប់នឹងបន្តពីទីនេះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="244" />
            <source>HQ could not be reached at {base_url} ({words}); nothing is lost, the next sync continues from here</source>
            <translation>មិនអាចទាក់ទងទីស្នាក់ការកណ្ដាលនៅ {base_url} បានទេ ({words})៖ គ្មានអ្វីបាត់បង់ទេ សមកាលកម្មបន្ទាប់នឹងបន្តពីទីនេះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="245" />
            <source>HQ has revoked this device and holds all of its changes: wipe it now with 'fieldapp wipe'</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានដកសិទ្ធិឧបករណ៍នេះ ហើយមានការផ្លាស់ប្ដូរទាំងអស់របស់វារួចហើយ៖ សូមលុបទិន្នន័យលើឧបករណ៍នេះឥឡូវនេះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="246" />
            <source>HQ has revoked this device. {unsent} change(s) never reached HQ: export them with 'fieldapp bundle export --out FILE', hand the file to HQ, then wipe this device with 'fieldapp wipe'</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានដកសិទ្ធិឧបករណ៍នេះ។ ការផ្លាស់ប្ដូរចំនួន {unsent} មិនបានទៅដល់ទីស្នាក់ការកណ្ដាលទេ៖ សូមរក្សាទុកវាជាឯកសារបិទត្រា ប្រគល់ឯកសារនោះឱ្យទីស្នាក់ការកណ្ដាល រួចលុបទិន្នន័យលើឧបករណ៍នេះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="247" />
            <source>HQ issued this code for {code_post}, but this device is set up for {device_post}; ask HQ to revoke device {device_id} and issue a code for {device_post}</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានចេញលេខកូដនេះសម្រាប់ {code_post} ប៉ុន្តែឧបករណ៍នេះត្រូវបានរៀបចំសម្រាប់ {device_post}៖ សូមស្នើទីស្នាក់ការកណ្ដាលឱ្យដកសិទ្ធិឧបករណ៍ {device_id} ហើយចេញលេខកូដសម្រាប់ {device_post}។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="248" />
            <source>HQ keeps acknowledging only up to change {new_acked}; ask HQ to check this device's change log</source>
            <translation>ទីស្នាក់ការកណ្ដាលបញ្ជាក់ទទួលបានត្រឹមការផ្លាស់ប្ដូរទី {new_acked} ប៉ុណ្ណោះ៖ សូមស្នើទីស្នាក់ការកណ្ដាលឱ្យពិនិត្យកំណត់ហេតុនៃការផ្លាស់ប្ដូររបស់ឧបករណ៍នេះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="249" />
            <source>HQ refused: {reason}</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានបដិសេធ៖ {reason}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="250" />
            <source>HQ's answer to {path}</source>
            <translation>ចម្លើយរបស់ទីស្នាក់ការកណ្ដាលចំពោះ {path}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="251" />
            <source>HQ's answer was not understood (version mismatch?)</source>
            <translation>ចម្លើយរបស់ទីស្នាក់ការកណ្ដាលមិនអាចយល់បានទេ (ប្រហែលជាកំណែខុសគ្នា)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="252" />
            <source>HQ's certificate is not one this device trusts (nor the one it enrolled with): nothing was sent or changed. If HQ replaced its certificate, ask HQ; otherwise someone may be between this device and HQ</source>
            <translation>វិញ្ញាបនបត្ររបស់ទីស្នាក់ការកណ្ដាល មិនមែនជាវិញ្ញាបនបត្រដែលឧបករណ៍នេះទុកចិត្តទេ៖ គ្មានអ្វីត្រូវបានផ្ញើ ឬផ្លាស់ប្ដូរទេ។ បើទីស្នាក់ការកណ្ដាលបានប្ដូរវិញ្ញាបនបត្រ សូមសួរទីស្នាក់ការកណ្ដាល បើមិនដូច្នោះទេ អាចមាននរណាម្នាក់នៅចន្លោះឧបករណ៍នេះ និងទីស្នាក់ការកណ្ដាល។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="253" />
            <source>HQ's new key</source>
            <translation>សោថ្មីរបស់ទីស្នាក់ការកណ្ដាល</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="254" />
            <source>HQ's refusal</source>
            <translation>ការបដិសេធរបស់ទីស្នាក់ការកណ្ដាល</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="255" />
            <source>The text is too long (at most {max_length} characters).</source>
            <translation>អត្ថបទវែងពេក (យ៉ាងច្រើន {max_length} តួអក្សរ)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="256" />
            <source>Tick to confirm.</source>
            <translation>សូមគូសដើម្បីបញ្ជាក់។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="257" />
            <source>Type latitude and longitude in degrees, e.g. 13.65 102.56.</source>
            <translation>សូមវាយរយៈទទឹង និងរយៈបណ្តោយ ជាដឺក្រេ ឧ. ១៣.៦៥ ១០២.៥៦។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="258" />
            <source>a centre plans follow-ups for a person referred to it: open the referral first</source>
            <translation>មជ្ឈមណ្ឌលគ្រោងការតាមដានសម្រាប់បុគ្គលដែលបានបញ្ជូនមកខ្លួន៖ សូមបើកការបញ្ជូនជាមុនសិន។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="259" />
            <source>a child's consent needs a guardian's or social worker's authorisation</source>
            <translation>ការយល់ព្រមរបស់កុមារត្រូវការការអនុញ្ញាតពីអាណាព្យាបាល ឬបុគ្គលិកសង្គមកិច្ច</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="260" />
            <source>a child's own assent (child_assent) is not recorded as given</source>
            <translation>ការយល់ព្រមផ្ទាល់របស់កុមារ មិនទាន់បានកត់ត្រាថាបានផ្ដល់ទេ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="261" />
            <source>a fieldapp store already exists in {root}</source>
            <translation>មានឃ្លាំងទិន្នន័យ fieldapp រួចហើយនៅក្នុង {root}។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="262" />
            <source>a received record does not fit this store: {reason}</source>
            <translation>កំណត់ត្រាដែលបានទទួល មិនត្រូវនឹងឃ្លាំងទិន្នន័យនេះទេ៖ {reason}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="263" />
            <source>a referral that is '{now}' cannot become '{then}'</source>
            <translation>ការបញ្ជូនដែល «{now}» មិនអាចប្ដូរទៅជា «{then}» បានទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="264" />
            <source>a return to a family not assessed as safe needs a supervisor's approval; ask a supervisor to record it</source>
            <translation>ការវិលត្រឡប់ទៅក្រុមគ្រួសារដែលមិនត្រូវបានវាយតម្លៃថាមានសុវត្ថិភាព ត្រូវការការយល់ព្រមពីអ្នកគ្រប់គ្រង៖ សូមស្នើអ្នកគ្រប់គ្រងឱ្យកត់ត្រាវា។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="265" />
            <source>a sealed {entity} field does not open with this device's key</source>
            <translation>ចន្លោះដែលបានបិទត្រានៃ {entity} មិនអាចបើកដោយសោរបស់ឧបករណ៍នេះបានទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="266" />
            <source>accept the referral before referring the person onward</source>
            <translation>សូមទទួលយកការបញ្ជូនជាមុនសិន មុននឹងបញ្ជូនបុគ្គលនោះបន្ត។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="267" />
            <source>action: choose what happened to the referral</source>
            <translation>សូមជ្រើសរើសអ្វីដែលបានកើតឡើងចំពោះការបញ្ជូន។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="268" />
            <source>alternative_care_plan: the family was judged unsafe; write where the person goes instead</source>
            <translation>ក្រុមគ្រួសារត្រូវបានវាយតម្លៃថាគ្មានសុវត្ថិភាព៖ សូមសរសេរថាបុគ្គលនោះនឹងទៅកន្លែងណាជំនួសវិញ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="269" />
            <source>an attached file is missing from this device; attach it again</source>
            <translation>ឯកសារភ្ជាប់មួយបាត់ពីឧបករណ៍នេះ៖ សូមភ្ជាប់វាម្ដងទៀត។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="270" />
            <source>an enrolment code is 20 letters and digits in five groups of four, e.g. ABCD-EFGH-JKMN-PQRS-TVWX: check what was typed</source>
            <translation>លេខកូដចុះឈ្មោះមានអក្សរ និងលេខ ២០ តួ ជាប្រាំក្រុម ក្រុមនីមួយៗបួនតួ៖ សូមពិនិត្យអ្វីដែលបានវាយ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="271" />
            <source>attachment: cannot attach to a {owner_entity}</source>
            <translation>ឯកសារភ្ជាប់៖ មិនអាចភ្ជាប់ទៅ {owner_entity} បានទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="272" />
            <source>attachment: give the file a name</source>
            <translation>ឯកសារភ្ជាប់៖ សូមដាក់ឈ្មោះឯកសារ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="273" />
            <source>attachment: save the record first, then attach the file to it</source>
            <translation>ឯកសារភ្ជាប់៖ សូមរក្សាទុកកំណត់ត្រាជាមុនសិន រួចភ្ជាប់ឯកសារទៅវា។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="274" />
            <source>attachment: the file is {size}; the limit is {limit} (take a smaller photo or split the recording)</source>
            <translation>ឯកសារភ្ជាប់៖ ឯកសារមានទំហំ {size} ប៉ុន្តែដែនកំណត់គឺ {limit} (សូមថតរូបតូចជាងនេះ ឬកាត់ការថតសំឡេងជាផ្នែក)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="275" />
            <source>bad device id length</source>
            <translation>លេខសម្គាល់ឧបករណ៍មានប្រវែងមិនត្រឹមត្រូវ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="276" />
            <source>centre staff need a transit centre: give --centre (e.g. PTC)</source>
            <translation>បុគ្គលិកមជ្ឈមណ្ឌលត្រូវការមជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្ន៖ សូមជ្រើសរើសមជ្ឈមណ្ឌល។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="277" />
            <source>child-sensitive protocol: record {missing} before finalising</source>
            <translation>នីតិវិធីសម្រាប់កុមារ៖ សូមកត់ត្រា {missing} មុននឹងបញ្ចប់ជាស្ថាពរ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="278" />
            <source>closure_reason: say why the case is closed</source>
            <translation>សូមប្រាប់មូលហេតុដែលបិទសំណុំរឿង។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="279" />
            <source>commune</source>
            <translation>ឃុំ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="280" />
            <source>consent to share with this kind of provider ({consent}) is {state}</source>
            <translation>ការយល់ព្រមចែករំលែកជាមួយអ្នកផ្ដល់សេវាប្រភេទនេះ ({consent}) គឺ {state}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="281" />
            <source>consents: '{kind}' must be given or refused</source>
            <translation>ការយល់ព្រម៖ «{kind}» ត្រូវតែជា «បានផ្ដល់» ឬ «បានបដិសេធ»។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="282" />
            <source>consents: give each consent as given or refused</source>
            <translation>ការយល់ព្រម៖ សូមបញ្ជាក់ការយល់ព្រមនីមួយៗថា បានផ្ដល់ ឬបានបដិសេធ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="283" />
            <source>could not unlock: {reason}</source>
            <translation>មិនអាចដោះសោបានទេ៖ {reason}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="284" />
            <source>crossing_point: unknown border post</source>
            <translation>ច្រកឆ្លងកាត់៖ មិនស្គាល់ប៉ុស្តិ៍ព្រំដែននេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="285" />
            <source>date</source>
            <translation>កាលបរិច្ឆេទ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="286" />
            <source>date and time</source>
            <translation>កាលបរិច្ឆេទ និងម៉ោង</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="287" />
            <source>decided_by and screened_on: say who decided, and when</source>
            <translation>សូមប្រាប់ថា អ្នកណាជាអ្នកសម្រេច និងនៅពេលណា។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="288" />
            <source>decision: link or separate</source>
            <translation>ការសម្រេច៖ ភ្ជាប់ជាមនុស្សតែមួយ ឬបំបែក។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="289" />
            <source>device id is not UTF-8</source>
            <translation>លេខសម្គាល់ឧបករណ៍មិនត្រឹមត្រូវ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="290" />
            <source>district</source>
            <translation>ស្រុក</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="291" />
            <source>do not use your user name or the post's name</source>
            <translation>កុំប្រើឈ្មោះអ្នកប្រើ ឬឈ្មោះប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="292" />
            <source>draft context: unknown key(s) {unknown}</source>
            <translation>បរិបទសេចក្ដីព្រាង៖ មិនស្គាល់ {unknown}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="293" />
            <source>entity: victim or suspect</source>
            <translation>ប្រភេទ៖ ជនរងគ្រោះ ឬជនសង្ស័យ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="294" />
            <source>envelope is truncated</source>
            <translation>កញ្ចប់ទិន្នន័យមិនពេញលេញ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="295" />
            <source>envelope is {count} bytes; the limit is {max_size}</source>
            <translation>កញ្ចប់ទិន្នន័យមានទំហំ {count} បៃ ប៉ុន្តែដែនកំណត់គឺ {max_size}។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="296" />
            <source>envelope version {blob} is not supported (this side speaks 1)</source>
            <translation>កំណែកញ្ចប់ទិន្នន័យ {blob} មិនត្រូវបានគាំទ្រទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="297" />
            <source>family_safety: must be one of safe, unsafe, not_assessed</source>
            <translation>សុវត្ថិភាពក្រុមគ្រួសារ៖ សូមជ្រើស មានសុវត្ថិភាព គ្មានសុវត្ថិភាព ឬមិនទាន់វាយតម្លៃ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="298" />
            <source>follow-up: say what is to be done and by which date</source>
            <translation>ការតាមដាន៖ សូមប្រាប់ថាត្រូវធ្វើអ្វី និងត្រឹមថ្ងៃណា។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="299" />
            <source>format: a PDF can only be written from the window or the command line</source>
            <translation>ទម្រង់ឯកសារ៖ PDF អាចសរសេរបានតែពីបង្អួចកម្មវិធីប៉ុណ្ណោះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="300" />
            <source>format: must be one of {formats}</source>
            <translation>ទម្រង់ឯកសារ៖ ត្រូវតែជាមួយក្នុងចំណោម {formats}។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="301" />
            <source>format: must be one of {report_formats}</source>
            <translation>ទម្រង់ឯកសារ៖ ត្រូវតែជាមួយក្នុងចំណោម {report_formats}។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="302" />
            <source>identified_by: {count} of the victims given are not in this suspect's cases; link the case first</source>
            <translation>ជនរងគ្រោះចំនួន {count} ដែលបានផ្ដល់ មិននៅក្នុងសំណុំរឿងរបស់ជនសង្ស័យនេះទេ៖ សូមភ្ជាប់សំណុំរឿងជាមុនសិន។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="303" />
            <source>kind: must be one of {event_kinds}</source>
            <translation>ប្រភេទ៖ ត្រូវតែជាមួយក្នុងចំណោម {event_kinds}។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="304" />
            <source>kind: must be one of {identifier_kinds}</source>
            <translation>ប្រភេទ៖ ត្រូវតែជាមួយក្នុងចំណោម {identifier_kinds}។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="305" />
            <source>languages: not in the list of languages: {bad}</source>
            <translation>ភាសា៖ មិនមាននៅក្នុងបញ្ជីភាសាទេ៖ {bad}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="306" />
            <source>list</source>
            <translation>បញ្ជី</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="307" />
            <source>name: give a name or an alias</source>
            <translation>ឈ្មោះ៖ សូមបញ្ចូលឈ្មោះ ឬឈ្មោះហៅក្រៅ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="308" />
            <source>name: give the family member's or guardian's name</source>
            <translation>ឈ្មោះ៖ សូមបញ្ចូលឈ្មោះសមាជិកគ្រួសារ ឬអាណាព្យាបាល។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="309" />
            <source>name: give the name as told (or a description, e.g. 'man, red shirt')</source>
            <translation>ឈ្មោះ៖ សូមបញ្ចូលឈ្មោះតាមដែលគេប្រាប់ (ឬការពិពណ៌នា ឧ. «បុរស អាវក្រហម»)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="310" />
            <source>name: give the name in Khmer or Latin script (or both)</source>
            <translation>ឈ្មោះ៖ សូមបញ្ចូលឈ្មោះជាអក្សរខ្មែរ ឬអក្សរឡាតាំង (ឬទាំងពីរ)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="311" />
            <source>narrative: a final statement needs the statement text</source>
            <translation>សេចក្ដីថ្លែងការណ៍ចុងក្រោយត្រូវការអត្ថបទនៃសេចក្ដីថ្លែងការណ៍។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="312" />
            <source>nationality: not a country code from the list (ISO 3166-1 alpha-3, XXA stateless, XXX not known)</source>
            <translation>សញ្ជាតិ៖ សូមជ្រើសរើសប្រទេសពីបញ្ជី (ឬ «គ្មានសញ្ជាតិ» ឬ «មិនដឹង»)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="313" />
            <source>no HQ address: enrol first or give --hq URL</source>
            <translation>គ្មានអាសយដ្ឋានទីស្នាក់ការកណ្ដាលទេ៖ សូមចុះឈ្មោះជាមុនសិន។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="314" />
            <source>no fieldapp store in {root}</source>
            <translation>គ្មានឃ្លាំងទិន្នន័យ fieldapp នៅក្នុង {root} ទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="315" />
            <source>no fieldapp store in {root}: run 'fieldapp init' first (or pick another --data-dir)</source>
            <translation>គ្មានឃ្លាំងទិន្នន័យ fieldapp នៅក្នុង {root} ទេ៖ សូមរៀបចំកុំព្យូទ័រនេះជាមុនសិន ឬជ្រើសថតផ្សេង។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="316" />
            <source>no form called '{form_id}'</source>
            <translation>គ្មានទម្រង់ឈ្មោះ «{form_id}» ទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="317" />
            <source>no form for record '{record}' applies here</source>
            <translation>គ្មានទម្រង់សម្រាប់កំណត់ត្រា «{record}» ប្រើបាននៅទីនេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="318" />
            <source>no such attachment on this device</source>
            <translation>គ្មានឯកសារភ្ជាប់នេះនៅលើឧបករណ៍នេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="319" />
            <source>no such case on this device</source>
            <translation>គ្មានសំណុំរឿងនេះនៅលើឧបករណ៍នេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="320" />
            <source>no such draft for this user</source>
            <translation>គ្មានសេចក្ដីព្រាងនេះសម្រាប់អ្នកប្រើនេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="321" />
            <source>no such family member of this person</source>
            <translation>គ្មានសមាជិកគ្រួសារនេះរបស់បុគ្គលនេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="322" />
            <source>no such file: {path}</source>
            <translation>គ្មានឯកសារ៖ {path}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="323" />
            <source>no such follow-up on this device</source>
            <translation>គ្មានការតាមដាននេះនៅលើឧបករណ៍នេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="324" />
            <source>no such possible match on this device</source>
            <translation>គ្មានការផ្គូផ្គងដែលអាចកើតមាននេះនៅលើឧបករណ៍នេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="325" />
            <source>no such referral on this device</source>
            <translation>គ្មានការបញ្ជូននេះនៅលើឧបករណ៍នេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="326" />
            <source>no such statement on this device</source>
            <translation>គ្មានសេចក្ដីថ្លែងការណ៍នេះនៅលើឧបករណ៍នេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="327" />
            <source>no such suspect on this device</source>
            <translation>គ្មានជនសង្ស័យនេះនៅលើឧបករណ៍នេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="328" />
            <source>no such victim on this device</source>
            <translation>គ្មានជនរងគ្រោះនេះនៅលើឧបករណ៍នេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="329" />
            <source>no user '{username}' on this device</source>
            <translation>គ្មានអ្នកប្រើ «{username}» នៅលើឧបករណ៍នេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="330" />
            <source>not a clock stamp: '{text}'</source>
            <translation>មិនមែនជាត្រាពេលវេលាទេ៖ «{text}»</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="331" />
            <source>not a fieldapp attachment file, or an unknown version</source>
            <translation>មិនមែនជាឯកសារភ្ជាប់ fieldapp ឬជាកំណែដែលមិនស្គាល់។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="332" />
            <source>not a fieldapp envelope (bad magic)</source>
            <translation>មិនមែនជាកញ្ចប់ទិន្នន័យ fieldapp ទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="333" />
            <source>not asked</source>
            <translation>មិនទាន់បានសួរ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="334" />
            <source>officers record rescues for their own post only</source>
            <translation>មន្ត្រីនគរបាលកត់ត្រាការជួយសង្គ្រោះសម្រាប់តែប៉ុស្តិ៍របស់ខ្លួនប៉ុណ្ណោះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="335" />
            <source>on: a date as YYYY-MM-DD</source>
            <translation>កាលបរិច្ឆេទ៖ សូមបញ្ចូលជា ឆ្នាំ-ខែ-ថ្ងៃ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="336" />
            <source>on: the date is in the future</source>
            <translation>កាលបរិច្ឆេទនេះស្ថិតនៅពេលអនាគត។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="337" />
            <source>only a final statement is amended; edit the draft instead</source>
            <translation>មានតែសេចក្ដីថ្លែងការណ៍ចុងក្រោយទេដែលអាចធ្វើវិសោធនកម្មបាន៖ សូមកែសេចក្ដីព្រាងជំនួសវិញ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="338" />
            <source>only a supervisor may refer without the person's consent</source>
            <translation>មានតែអ្នកគ្រប់គ្រងទេដែលអាចបញ្ជូនដោយគ្មានការយល់ព្រមពីបុគ្គលនោះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="339" />
            <source>out: for csv give a folder (one file per record type is written)</source>
            <translation>សម្រាប់ CSV សូមជ្រើសថតមួយ (ឯកសារមួយសម្រាប់កំណត់ត្រាប្រភេទនីមួយៗ)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="340" />
            <source>passphrase {reason}</source>
            <translation>ឃ្លាសម្ងាត់ {reason}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="341" />
            <source>passphrase: use at least {n} characters</source>
            <translation>ឃ្លាសម្ងាត់៖ សូមប្រើយ៉ាងតិច {n} តួអក្សរ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="342" />
            <source>post_code: unknown post</source>
            <translation>មិនស្គាល់ប៉ុស្តិ៍នេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="343" />
            <source>provider_code: unknown service provider</source>
            <translation>មិនស្គាល់អ្នកផ្ដល់សេវានេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="344" />
            <source>provider_code: {provider} does not offer {service}</source>
            <translation>{provider} មិនផ្ដល់សេវា {service} ទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="345" />
            <source>province</source>
            <translation>ខេត្ត</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="346" />
            <source>province_code: unknown province</source>
            <translation>មិនស្គាល់ខេត្តនេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="347" />
            <source>reason: say why no social worker could be present</source>
            <translation>សូមប្រាប់មូលហេតុដែលគ្មានបុគ្គលិកសង្គមកិច្ចអាចចូលរួមបាន។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="348" />
            <source>reason: say why the case goes to the other post</source>
            <translation>សូមប្រាប់មូលហេតុដែលសំណុំរឿងត្រូវផ្ទេរទៅប៉ុស្តិ៍ផ្សេង។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="349" />
            <source>reason: say why the referral is declined</source>
            <translation>សូមប្រាប់មូលហេតុដែលបដិសេធការបញ្ជូន។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="350" />
            <source>refer the victim for reintegration or repatriation first; the return is recorded on that referral</source>
            <translation>សូមបញ្ជូនជនរងគ្រោះសម្រាប់ការធ្វើសមាហរណកម្មឡើងវិញ ឬការធ្វើមាតុភូមិនិវត្តន៍ជាមុនសិន៖ ការវិលត្រឡប់ត្រូវកត់ត្រាលើការបញ្ជូននោះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="351" />
            <source>referral refused: {problem}. Record the consent, or a supervisor may override with a reason</source>
            <translation>ការបញ្ជូនត្រូវបានបដិសេធ៖ {problem}។ សូមកត់ត្រាការយល់ព្រម ឬអ្នកគ្រប់គ្រងអាចអនុញ្ញាតដោយផ្ដល់មូលហេតុ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="352" />
            <source>referring_agency, referring_country, handover_date: a handover needs who handed the people over, from which country, and when</source>
            <translation>ការប្រគល់ត្រូវការដឹងថា អ្នកណាជាអ្នកប្រគល់មនុស្ស មកពីប្រទេសណា និងនៅពេលណា។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="353" />
            <source>repeated characters are easily guessed: use several unrelated words</source>
            <translation>តួអក្សរដដែលៗ ងាយទាយ៖ សូមប្រើពាក្យច្រើនដែលមិនទាក់ទងគ្នា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="354" />
            <source>return_date: required</source>
            <translation>សូមបញ្ចូលកាលបរិច្ឆេទវិលត្រឡប់។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="355" />
            <source>roles: not HTCDS per_RoleInProcess values ({count})</source>
            <translation>តួនាទីចំនួន {count} មិនមាននៅក្នុងបញ្ជី HTCDS ទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="356" />
            <source>row {n}: {exc}</source>
            <translation>ជួរទី {n}៖ {exc}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="357" />
            <source>screened_on: the date cannot be in the future</source>
            <translation>កាលបរិច្ឆេទត្រួតពិនិត្យ មិនអាចស្ថិតនៅពេលអនាគតបានទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="358" />
            <source>sealed part is too short</source>
            <translation>ផ្នែកដែលបានបិទត្រាខ្លីពេក។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="359" />
            <source>seq numbers above {max_seq} are not accepted</source>
            <translation>លេខលំដាប់លើសពី {max_seq} មិនត្រូវបានទទួលយកទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="360" />
            <source>seq_from is greater than seq_to</source>
            <translation>លេខលំដាប់ចាប់ផ្ដើម ធំជាងលេខលំដាប់បញ្ចប់។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="361" />
            <source>sequences and keyboard patterns are easily guessed: use several unrelated words</source>
            <translation>លំដាប់លេខ ឬគ្រាប់ចុចជាប់គ្នា ងាយទាយ៖ សូមប្រើពាក្យច្រើនដែលមិនទាក់ទងគ្នា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="362" />
            <source>set of answers</source>
            <translation>សំណុំចម្លើយ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="363" />
            <source>social_worker_present: a child's statement needs a social worker present, or a supervisor's recorded reason why none could be</source>
            <translation>សេចក្ដីថ្លែងការណ៍របស់កុមារត្រូវការបុគ្គលិកសង្គមកិច្ចចូលរួម ឬមូលហេតុដែលអ្នកគ្រប់គ្រងបានកត់ត្រាថាហេតុអ្វីគ្មាន។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="364" />
            <source>sort: one of {sortable}</source>
            <translation>តម្រៀប៖ មួយក្នុងចំណោម {sortable}។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="365" />
            <source>statement text can only be stored by an officer or supervisor of the post</source>
            <translation>អត្ថបទសេចក្ដីថ្លែងការណ៍អាចរក្សាទុកបានតែដោយមន្ត្រីនគរបាល ឬអ្នកគ្រប់គ្រងនៃប៉ុស្តិ៍ប៉ុណ្ណោះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="366" />
            <source>store</source>
            <translation>ឃ្លាំងទិន្នន័យ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="367" />
            <source>text</source>
            <translation>អត្ថបទ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="368" />
            <source>the attachment file is damaged or was altered</source>
            <translation>ឯកសារភ្ជាប់ខូច ឬត្រូវបានកែប្រែ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="369" />
            <source>the attachment file is truncated</source>
            <translation>ឯកសារភ្ជាប់មិនពេញលេញ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="370" />
            <source>the certificate HQ presented</source>
            <translation>វិញ្ញាបនបត្រដែលទីស្នាក់ការកណ្ដាលបានបង្ហាញ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="371" />
            <source>the database failed its integrity check (it was altered or damaged); nothing was written — restore from backup or ask HQ to recover it</source>
            <translation>មូលដ្ឋានទិន្នន័យមិនឆ្លងកាត់ការត្រួតពិនិត្យភាពត្រឹមត្រូវ (វាត្រូវបានកែប្រែ ឬខូច)៖ គ្មានអ្វីត្រូវបានសរសេរទេ — សូមស្ដារពីច្បាប់បម្រុងទុក ឬស្នើទីស្នាក់ការកណ្ដាលឱ្យជួយស្ដារ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="372" />
            <source>the database failed its integrity check (it was altered, damaged, or is not a fieldapp store); nothing was written</source>
            <translation>មូលដ្ឋានទិន្នន័យមិនឆ្លងកាត់ការត្រួតពិនិត្យភាពត្រឹមត្រូវ (វាត្រូវបានកែប្រែ ខូច ឬមិនមែនជាឃ្លាំងទិន្នន័យ fieldapp)៖ គ្មានអ្វីត្រូវបានសរសេរទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="373" />
            <source>the database failed its integrity check; nothing was written</source>
            <translation>មូលដ្ឋានទិន្នន័យមិនឆ្លងកាត់ការត្រួតពិនិត្យភាពត្រឹមត្រូវ៖ គ្មានអ្វីត្រូវបានសរសេរទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="374" />
            <source>the disk is full — nothing was lost; free space and try again</source>
            <translation>ថាសពេញហើយ — គ្មានអ្វីបាត់បង់ទេ៖ សូមបង្កើនទំហំទំនេរ ហើយព្យាយាមម្ដងទៀត។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="375" />
            <source>the enrolment answer</source>
            <translation>ចម្លើយនៃការចុះឈ្មោះ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="376" />
            <source>the envelope could not be opened (tampered or wrong key)</source>
            <translation>មិនអាចបើកកញ្ចប់ទិន្នន័យបានទេ (ត្រូវបានកែប្រែ ឬសោខុស)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="377" />
            <source>the envelope's sender is not known here</source>
            <translation>អ្នកផ្ញើកញ្ចប់ទិន្នន័យមិនត្រូវបានស្គាល់នៅទីនេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="378" />
            <source>the envelope's signature does not verify</source>
            <translation>ហត្ថលេខារបស់កញ្ចប់ទិន្នន័យមិនត្រឹមត្រូវ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="379" />
            <source>the envelope's timestamp is not a plausible time</source>
            <translation>ពេលវេលារបស់កញ្ចប់ទិន្នន័យមិនសមហេតុផលទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="380" />
            <source>the file or answer from HQ is meant for another device</source>
            <translation>ឯកសារ ឬចម្លើយពីទីស្នាក់ការកណ្ដាលនេះ គឺសម្រាប់ឧបករណ៍ផ្សេង។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="381" />
            <source>the file to attach does not exist</source>
            <translation>ឯកសារដែលត្រូវភ្ជាប់មិនមានទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="382" />
            <source>the keystore file is damaged</source>
            <translation>ឯកសារឃ្លាំងសោខូច។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="383" />
            <source>the keystore file is damaged (a key of the wrong size)</source>
            <translation>ឯកសារឃ្លាំងសោខូច (សោមានទំហំមិនត្រឹមត្រូវ)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="384" />
            <source>the keystore file is damaged or from an unknown version</source>
            <translation>ឯកសារឃ្លាំងសោខូច ឬមកពីកំណែដែលមិនស្គាល់។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="385" />
            <source>the keystore's statement key does not match this store</source>
            <translation>សោសេចក្ដីថ្លែងការណ៍ក្នុងឃ្លាំងសោ មិនត្រូវគ្នានឹងឃ្លាំងទិន្នន័យនេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="386" />
            <source>the payload expands beyond the size limit</source>
            <translation>ទិន្នន័យលើសដែនកំណត់ទំហំ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="387" />
            <source>the payload is not valid zstd or is too large</source>
            <translation>ទិន្នន័យមិនត្រឹមត្រូវ ឬធំពេក។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="388" />
            <source>the return file cannot be used: {reason}</source>
            <translation>ឯកសារត្រឡប់មិនអាចប្រើបានទេ៖ {reason}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="389" />
            <source>the return file was not understood (version mismatch?)</source>
            <translation>ឯកសារត្រឡប់មិនអាចយល់បានទេ (ប្រហែលជាកំណែខុសគ្នា)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="390" />
            <source>the revocation notice</source>
            <translation>សេចក្ដីជូនដំណឹងអំពីការដកសិទ្ធិ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="391" />
            <source>the store is locked: unlock it again</source>
            <translation>ឃ្លាំងទិន្នន័យត្រូវបានចាក់សោ៖ សូមដោះសោម្ដងទៀត។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="392" />
            <source>the sync round ran out of time; what was sent is kept and the next sync continues from there</source>
            <translation>សមកាលកម្មអស់ពេលហើយ៖ អ្វីដែលបានផ្ញើត្រូវបានរក្សាទុក ហើយសមកាលកម្មបន្ទាប់នឹងបន្តពីទីនោះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="393" />
            <source>this attachment's file is missing from this device</source>
            <translation>ឯកសាររបស់ឯកសារភ្ជាប់នេះបាត់ពីឧបករណ៍នេះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="394" />
            <source>this attachment's file is not on this device</source>
            <translation>ឯកសាររបស់ឯកសារភ្ជាប់នេះមិនមាននៅលើឧបករណ៍នេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="395" />
            <source>this case belongs to another post</source>
            <translation>សំណុំរឿងនេះជារបស់ប៉ុស្តិ៍ផ្សេង។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="396" />
            <source>this case is already closed</source>
            <translation>សំណុំរឿងនេះត្រូវបានបិទរួចហើយ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="397" />
            <source>this case was already transferred from here</source>
            <translation>សំណុំរឿងនេះត្រូវបានផ្ទេរចេញពីទីនេះរួចហើយ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="398" />
            <source>this case was transferred to post {gone}; it is kept here as history and cannot be changed here</source>
            <translation>សំណុំរឿងនេះត្រូវបានផ្ទេរទៅប៉ុស្តិ៍ {gone}៖ វាត្រូវបានរក្សាទុកនៅទីនេះជាប្រវត្តិ ហើយមិនអាចកែប្រែនៅទីនេះបានទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="399" />
            <source>this data folder is already open in another fieldapp window or command; close it first</source>
            <translation>ថតទិន្នន័យនេះកំពុងបើកនៅក្នុងបង្អួច fieldapp ផ្សេងទៀតរួចហើយ៖ សូមបិទវាជាមុនសិន។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="400" />
            <source>this device has no escrow wrap yet (it was never enrolled with HQ)</source>
            <translation>ឧបករណ៍នេះមិនទាន់មានសោសង្គ្រោះនៅទីស្នាក់ការកណ្ដាលទេ (វាមិនធ្លាប់បានចុះឈ្មោះ)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="401" />
            <source>this device is already enrolled with HQ</source>
            <translation>ឧបករណ៍នេះបានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាលរួចហើយ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="402" />
            <source>this device is not enrolled with HQ: a supervisor runs 'fieldapp enrol' with the code HQ issued</source>
            <translation>ឧបករណ៍នេះមិនទាន់បានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាលទេ៖ អ្នកគ្រប់គ្រងចុះឈ្មោះវាដោយប្រើលេខកូដពីទីស្នាក់ការកណ្ដាល។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="403" />
            <source>this device is not revoked by HQ (HQ must revoke it, and the device must hear it from HQ in a sync): wiping it would lose its data</source>
            <translation>ទីស្នាក់ការកណ្ដាលមិនបានដកសិទ្ធិឧបករណ៍នេះទេ (ទីស្នាក់ការកណ្ដាលត្រូវដកសិទ្ធិ ហើយឧបករណ៍ត្រូវទទួលដំណឹងនោះតាមសមកាលកម្ម)៖ ការលុបទិន្នន័យនឹងធ្វើឱ្យបាត់បង់ទិន្នន័យរបស់វា។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="404" />
            <source>this draft belongs to form '{draft_form}', not '{form_id}'</source>
            <translation>សេចក្ដីព្រាងនេះជារបស់ទម្រង់ «{draft_form}» មិនមែន «{form_id}» ទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="405" />
            <source>this enrolment code has no HQ check part (it has 12 symbols, a code has 20): ask HQ for a new code</source>
            <translation>លេខកូដចុះឈ្មោះនេះខ្វះផ្នែកត្រួតពិនិត្យ (វាមាន ១២ តួ តែលេខកូដត្រូវមាន ២០ តួ)៖ សូមសុំលេខកូដថ្មីពីទីស្នាក់ការកណ្ដាល។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="406" />
            <source>this follow-up is already done</source>
            <translation>ការតាមដាននេះបានធ្វើរួចហើយ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="407" />
            <source>this person's case file is not on this device</source>
            <translation>សំណុំរឿងរបស់បុគ្គលនេះមិនមាននៅលើឧបករណ៍នេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="408" />
            <source>this person's details are not on this device yet; sync first</source>
            <translation>ព័ត៌មានរបស់បុគ្គលនេះមិនទាន់មាននៅលើឧបករណ៍នេះទេ៖ សូមធ្វើសមកាលកម្មជាមុនសិន។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="409" />
            <source>this recovery key does not open this device's store</source>
            <translation>សោសង្គ្រោះនេះមិនអាចបើកឃ្លាំងទិន្នន័យរបស់ឧបករណ៍នេះបានទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="410" />
            <source>this referral is addressed to another centre</source>
            <translation>ការបញ្ជូននេះផ្ញើទៅមជ្ឈមណ្ឌលផ្សេង។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="411" />
            <source>this referral is for another person</source>
            <translation>ការបញ្ជូននេះសម្រាប់បុគ្គលផ្សេង។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="412" />
            <source>this referral is no longer open; tracing is recorded on an open family-tracing referral</source>
            <translation>ការបញ្ជូននេះលែងបើកហើយ៖ ការស្វែងរកក្រុមគ្រួសារត្រូវកត់ត្រាលើការបញ្ជូនស្វែងរកក្រុមគ្រួសារដែលនៅបើក។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="413" />
            <source>this referral is not for family tracing</source>
            <translation>ការបញ្ជូននេះមិនមែនសម្រាប់ការស្វែងរកក្រុមគ្រួសារទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="414" />
            <source>this referral is not for reintegration or repatriation</source>
            <translation>ការបញ្ជូននេះមិនមែនសម្រាប់ការធ្វើសមាហរណកម្មឡើងវិញ ឬការធ្វើមាតុភូមិនិវត្តន៍ទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="415" />
            <source>this return file was made for another device</source>
            <translation>ឯកសារត្រឡប់នេះត្រូវបានបង្កើតសម្រាប់ឧបករណ៍ផ្សេង។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="416" />
            <source>this return file was made for another device, or is not a return file</source>
            <translation>ឯកសារត្រឡប់នេះត្រូវបានបង្កើតសម្រាប់ឧបករណ៍ផ្សេង ឬមិនមែនជាឯកសារត្រឡប់ទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="417" />
            <source>this session does not hold the statement key: unlock as a supervisor</source>
            <translation>វគ្គនេះមិនមានសោសេចក្ដីថ្លែងការណ៍ទេ៖ សូមដោះសោជាអ្នកគ្រប់គ្រង។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="418" />
            <source>this statement is already final</source>
            <translation>សេចក្ដីថ្លែងការណ៍នេះបានបញ្ចប់ជាស្ថាពររួចហើយ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="419" />
            <source>this statement is final: attach the file to an amendment</source>
            <translation>សេចក្ដីថ្លែងការណ៍នេះបានបញ្ចប់ជាស្ថាពរហើយ៖ សូមភ្ជាប់ឯកសារទៅនឹងវិសោធនកម្មមួយ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="420" />
            <source>this statement is final: record an amendment instead</source>
            <translation>សេចក្ដីថ្លែងការណ៍នេះបានបញ្ចប់ជាស្ថាពរហើយ៖ សូមកត់ត្រាវិសោធនកម្មជំនួសវិញ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="421" />
            <source>this {what} was written by a newer release of fieldapp (schema {revision}): install that release or a later one; nothing was changed</source>
            <translation>{what}នេះត្រូវបានសរសេរដោយកំណែ fieldapp ថ្មីជាង ({revision})៖ សូមដំឡើងកំណែនោះ ឬកំណែក្រោយជាងនេះ។ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="422" />
            <source>to_post: not a post in the reference list</source>
            <translation>ប៉ុស្តិ៍ដែលត្រូវផ្ទេរទៅ មិនមាននៅក្នុងបញ្ជីទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="423" />
            <source>to_post: the case is already at that post</source>
            <translation>សំណុំរឿងនេះស្ថិតនៅប៉ុស្តិ៍នោះរួចហើយ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="424" />
            <source>too common, easily guessed: use several unrelated words</source>
            <translation>ប្រើញឹកញាប់ពេក ងាយទាយ៖ សូមប្រើពាក្យច្រើនដែលមិនទាក់ទងគ្នា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="425" />
            <source>too easy to guess: add more words (four unrelated words are good)</source>
            <translation>ងាយទាយពេក៖ សូមបន្ថែមពាក្យ (ពាក្យបួនដែលមិនទាក់ទងគ្នាគឺល្អ)</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="426" />
            <source>too many failed attempts: wait {seconds} s before trying again</source>
            <translation>ព្យាយាមខុសច្រើនដងពេក៖ សូមរង់ចាំ {seconds} វិនាទី មុននឹងព្យាយាមម្ដងទៀត។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="427" />
            <source>too short: use at least {n} characters</source>
            <translation>ខ្លីពេក៖ សូមប្រើយ៉ាងតិច {n} តួអក្សរ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="428" />
            <source>tracing_outcome: say what the tracing found</source>
            <translation>សូមប្រាប់លទ្ធផលនៃការស្វែងរកក្រុមគ្រួសារ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="429" />
            <source>trailing bytes after the signature</source>
            <translation>មានទិន្នន័យលើសនៅក្រោយហត្ថលេខា។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="430" />
            <source>unknown column(s): {unknown}</source>
            <translation>ជួរឈរដែលមិនស្គាល់៖ {unknown}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="431" />
            <source>unknown envelope kind {kind}</source>
            <translation>មិនស្គាល់ប្រភេទកញ្ចប់ទិន្នន័យ {kind}។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="432" />
            <source>unknown field(s): {unknown}</source>
            <translation>ចន្លោះដែលមិនស្គាល់៖ {unknown}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="433" />
            <source>unknown guardian field(s): {unknown}</source>
            <translation>ចន្លោះអាណាព្យាបាលដែលមិនស្គាល់៖ {unknown}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="434" />
            <source>unknown post '{post_code}'; known posts: {codes}</source>
            <translation>មិនស្គាល់ប៉ុស្តិ៍ «{post_code}»៖ ប៉ុស្តិ៍ដែលស្គាល់គឺ {codes}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="435" />
            <source>unknown user or wrong passphrase</source>
            <translation>ឈ្មោះអ្នកប្រើ ឬឃ្លាសម្ងាត់មិនត្រឹមត្រូវ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="436" />
            <source>user '{username}' already exists on this device</source>
            <translation>អ្នកប្រើ «{username}» មានរួចហើយនៅលើឧបករណ៍នេះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="437" />
            <source>user '{username}' is not active on this device</source>
            <translation>អ្នកប្រើ «{username}» មិនសកម្មនៅលើឧបករណ៍នេះទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="438" />
            <source>user name: 1 to 64 characters, no tabs or line breaks</source>
            <translation>ឈ្មោះអ្នកប្រើ៖ ពី ១ ដល់ ៦៤ តួអក្សរ ដោយគ្មានការចុះបន្ទាត់។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="439" />
            <source>value</source>
            <translation>តម្លៃ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="440" />
            <source>value: not a usable phone number (at least 6 digits)</source>
            <translation>លេខទូរស័ព្ទមិនអាចប្រើបានទេ (យ៉ាងតិច ៦ ខ្ទង់)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="441" />
            <source>value: not a usable {kind}</source>
            <translation>តម្លៃនេះមិនអាចប្រើជា {kind} បានទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="442" />
            <source>victims: select the people to refer</source>
            <translation>សូមជ្រើសរើសមនុស្សដែលត្រូវបញ្ជូន។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="443" />
            <source>village</source>
            <translation>ភូមិ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="444" />
            <source>whole number</source>
            <translation>ចំនួនគត់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="445" />
            <source>wrong passphrase</source>
            <translation>ឃ្លាសម្ងាត់មិនត្រឹមត្រូវ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="446" />
            <source>year: give a four-digit year</source>
            <translation>ឆ្នាំ៖ សូមបញ្ចូលឆ្នាំជាលេខបួនខ្ទង់។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="447" />
            <source>yes or no</source>
            <translation>បាទ/ចាស ឬទេ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="448" />
            <source>your role ({role}) cannot do this; ask a supervisor</source>
            <translation>តួនាទីរបស់អ្នក ({role}) មិនអាចធ្វើការនេះបានទេ៖ សូមសួរអ្នកគ្រប់គ្រង។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="449" />
            <source>{count} answer(s) need attention: {names}</source>
            <translation>ចម្លើយចំនួន {count} ត្រូវការការពិនិត្យ៖ {names}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="450" />
            <source>{field}: give the {level} first</source>
            <translation>{field}៖ សូមជ្រើស{level}ជាមុនសិន។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="451" />
            <source>{field}: not a {level} code of Cambodia's gazetteer</source>
            <translation>{field}៖ មិនមែនជា{level}នៅក្នុងបញ្ជីរដ្ឋបាលកម្ពុជាទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="452" />
            <source>{field}: not inside the {level} chosen</source>
            <translation>{field}៖ មិនស្ថិតនៅក្នុង{level}ដែលបានជ្រើសទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="453" />
            <source>{key}: open this form from a case</source>
            <translation>{key}៖ សូមបើកទម្រង់នេះពីសំណុំរឿងមួយ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="454" />
            <source>{missing} change(s) never reached HQ and are in no sealed bundle: write them first with 'fieldapp bundle export --out FILE' and hand the file to HQ, then wipe</source>
            <translation>ការផ្លាស់ប្ដូរចំនួន {missing} មិនបានទៅដល់ទីស្នាក់ការកណ្ដាល ហើយមិននៅក្នុងឯកសារបិទត្រាណាមួយទេ៖ សូមរក្សាទុកវាជាឯកសារបិទត្រា ហើយប្រគល់ឱ្យទីស្នាក់ការកណ្ដាលជាមុនសិន រួចទើបលុបទិន្នន័យ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="455" />
            <source>{name}: must be one of {allowed}</source>
            <translation>{name}៖ ត្រូវតែជាមួយក្នុងចំណោម {allowed}។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="456" />
            <source>{name}: not a country code from the list (ISO 3166-1 alpha-3)</source>
            <translation>{name}៖ មិនមែនជាប្រទេសក្នុងបញ្ជីទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="457" />
            <source>{name}: not a valid {kind}</source>
            <translation>{name}៖ មិនមែនជា{kind}ត្រឹមត្រូវទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="458" />
            <source>{name}: required</source>
            <translation>{name}៖ សូមបំពេញចន្លោះនេះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="459" />
            <source>{path} already exists; choose another file name</source>
            <translation>{path} មានរួចហើយ៖ សូមជ្រើសឈ្មោះឯកសារផ្សេង។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="460" />
            <source>{what} did not come from HQ (its signature does not verify with the key this device trusts): nothing was changed on this device. Someone may be between this device and HQ; try again from another network and tell HQ</source>
            <translation>{what} មិនបានមកពីទីស្នាក់ការកណ្ដាលទេ (ហត្ថលេខារបស់វាមិនត្រូវនឹងសោដែលឧបករណ៍នេះទុកចិត្ត)៖ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរលើឧបករណ៍នេះទេ។ អាចមាននរណាម្នាក់នៅចន្លោះឧបករណ៍នេះ និងទីស្នាក់ការកណ្ដាល៖ សូមព្យាយាមម្ដងទៀតពីបណ្ដាញផ្សេង ហើយប្រាប់ទីស្នាក់ការកណ្ដាល។</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="263" />
            <source>Set up fieldapp</source>
            <extracomment>The store exists already (its enrolment failed): only the HQ page may change.</extracomment>
            <translation>រៀបចំ fieldapp</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="264" />
            <source>Next &gt;</source>
            <translation>បន្ទាប់ &gt;</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="265" />
            <source>&lt; Back</source>
            <translation>&lt; ថយក្រោយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="267" />
            <source>Create the store</source>
            <translation>បង្កើតឃ្លាំងទិន្នន័យ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="267" />
            <source>Finish</source>
            <translation>បញ្ចប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="268" />
            <source>Cancel</source>
            <translation>បោះបង់</translation>
        </message>
    </context>
    <context>
        <name>FormController</name>
        <message>
            <location filename="../../fieldapp/ui/forms/controller.py" line="301" />
            <source>Sensitive: a position can reveal where a victim or a shelter is. Type coordinates only if they are needed, never a shelter's or safe house's position. This form never reads the device's location.</source>
            <extracomment>A change is written to the draft this long after it was made, at the latest. Entry number just removed (the dialog offers Undo), or 0 when nothing can be undone. Swappable for tests: (ws, draft_id, path, filename, mime) -&gt; attachment id.</extracomment>
            <translation>ព័ត៌មានរសើប៖ ទីតាំងអាចបង្ហាញកន្លែងជនរងគ្រោះ ឬជម្រក។ វាយបញ្ចូលកូអរដោនេ តែពេលចាំបាច់ ហើយកុំបញ្ចូលទីតាំងជម្រក ឬផ្ទះសុវត្ថិភាព។ ទម្រង់នេះមិនដែលអានទីតាំងរបស់ឧបករណ៍ទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/controller.py" line="331" />
            <source>Add an entry to “{label}”</source>
            <translation>បន្ថែមមួយទៀតក្នុង «{label}»</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/controller.py" line="340" />
            <source>{label}: entry {n}</source>
            <translation>{label}៖ ទី {n}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/controller.py" line="341" />
            <source>Remove entry {n}</source>
            <translation>ដកចេញទី {n}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/controller.py" line="433" />
            <source>The draft could not be saved: {reason}</source>
            <translation>មិនអាចរក្សាទុកសេចក្ដីព្រាងបានទេ៖ {reason}</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="221" />
            <source>Your unsaved draft from {time} was restored.</source>
            <extracomment>One link per section of a long form (its groups): a click brings the section to the top, its first question focused, instead of many turns of the wheel.</extracomment>
            <translation>សេចក្ដីព្រាងដែលមិនទាន់រក្សាទុករបស់អ្នកពី {time} ត្រូវបានស្ដារឡើងវិញ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="271" />
            <source>Draft saved (encrypted) at {time}</source>
            <translation>បានរក្សាទុកសេចក្ដីព្រាង (អ៊ិនគ្រីប) នៅម៉ោង {time}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="286" />
            <source>%1 answer(s) need attention before this can be saved.</source>
            <translation>មានចម្លើយ %1 ដែលត្រូវពិនិត្យមុនពេលរក្សាទុក។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="293" />
            <source>Saving…</source>
            <translation>កំពុងរក្សាទុក…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="302" />
            <source>Undo: put entry {n} back</source>
            <translation>មិនធ្វើវិញ៖ ដាក់ធាតុទី {n} មកវិញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="375" />
            <source>Opening the form…</source>
            <translation>កំពុងបើកទម្រង់…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="378" />
            <source>{form} — for {person}</source>
            <translation>{form} — សម្រាប់ {person}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="383" />
            <source>Show this form in the other language; nothing typed is lost.</source>
            <translation>បង្ហាញទម្រង់នេះជាភាសាផ្សេង។ អ្វីដែលបានវាយមិនបាត់ទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="385" />
            <source>Save record</source>
            <translation>រក្សាទុកកំណត់ត្រា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="387" />
            <source>Close (keep draft)</source>
            <translation>បិទ (រក្សាសេចក្ដីព្រាង)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="388" />
            <source>Discard draft…</source>
            <translation>បោះបង់សេចក្ដីព្រាង…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="389" />
            <source>Throw away everything typed in this form? This cannot be undone.</source>
            <translation>បោះបង់អ្វីៗទាំងអស់ដែលបានវាយក្នុងទម្រង់នេះ? មិនអាចត្រឡប់វិញបានទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="391" />
            <source>Discard</source>
            <translation>បោះបង់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/dialog.py" line="392" />
            <source>Keep it</source>
            <translation>រក្សាទុក</translation>
        </message>
    </context>
    <context>
        <name>HomeView</name>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="191" />
            <source>{n} unfinished forms
Resume or discard them</source>
            <extracomment>Overdue follow-ups listed on the screen (the longest overdue first; the tile counts all). Status colours; the words always say the same, colour is never the only signal. h13: follow-ups of the case plans past their date, the longest overdue first (the first `SHOWN`), and how many there are in all. A case to open (an overdue follow-up's case).</extracomment>
            <translation>ទម្រង់មិនទាន់បញ្ចប់ {n}
បន្ត ឬបោះបង់វា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="193" />
            <source>{n} overdue referrals
Past their due date</source>
            <translation>ការបញ្ជូនហួសកាលកំណត់ {n}
លើសថ្ងៃកំណត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="195" />
            <source>{n} new referrals
Waiting to be accepted</source>
            <translation>ការបញ្ជូនថ្មី {n}
កំពុងរង់ចាំការទទួលយក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="197" />
            <source>{n} people still to complete
Found at a rescue, profile not finished</source>
            <translation>បុគ្គល {n} នាក់ត្រូវបំពេញបន្ថែម
រកឃើញក្នុងការជួយសង្គ្រោះ ប្រវត្តិរូបមិនទាន់ពេញលេញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="202" />
            <source>not connected to HQ yet</source>
            <translation>មិនទាន់ភ្ជាប់ជាមួយទីស្នាក់ការកណ្ដាលទេ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="204" />
            <source>last sync failed, will retry</source>
            <translation>សមកាលកម្មចុងក្រោយបរាជ័យ នឹងព្យាយាមម្ដងទៀត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="206" />
            <source>last sync {when}</source>
            <translation>សមកាលកម្មចុងក្រោយ {when}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="208" />
            <source>never synced</source>
            <translation>មិនដែលធ្វើសមកាលកម្ម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="209" />
            <source>{n} changes not yet sent
{last}</source>
            <translation>ការផ្លាស់ប្ដូរ {n} មិនទាន់បានផ្ញើ
{last}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="212" />
            <source>● All done: nothing is waiting.</source>
            <translation>● រួចរាល់៖ គ្មានអ្វីរង់ចាំទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="213" />
            <source>● Work waiting: see below.</source>
            <translation>● មានការងាររង់ចាំ៖ មើលខាងក្រោម។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="214" />
            <source>● Needs attention: overdue work or a failed sync.</source>
            <translation>● ត្រូវការយកចិត្តទុកដាក់៖ ការងារហួសកាលកំណត់ ឬសមកាលកម្មបរាជ័យ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="224" />
            <source>{n} follow-ups overdue
Case plans past their date</source>
            <translation>ការតាមដានហួសកាលកំណត់ {n}
ផែនការករណីហួសកាលកំណត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="228" />
            <source>Overdue follow-ups</source>
            <translation>ការតាមដានហួសកាលកំណត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="229" />
            <source>No follow-up is overdue.</source>
            <translation>គ្មានការតាមដានណាហួសកាលកំណត់ទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="232" />
            <source>{case} · {person}: {what}, due {date} (overdue by {n} days)</source>
            <translation>{case} · {person}៖ {what} កាលកំណត់ {date} (ហួស {n} ថ្ងៃ)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="243" />
            <source>Today</source>
            <translation>ថ្ងៃនេះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="243" />
            <source>Today at the national desk</source>
            <translation>ថ្ងៃនេះនៅការិយាល័យថ្នាក់ជាតិ</translation>
        </message>
    </context>
    <context>
        <name>HqPage</name>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="192" />
            <source>Headquarters (optional)</source>
            <translation>ទីស្នាក់ការកណ្ដាល (ស្រេចចិត្ត)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="193" />
            <source>Leave both empty to skip: everything works offline, and you can enrol later.</source>
            <translation>ទុកទាំងពីរឱ្យនៅទទេ ដើម្បីរំលង៖ អ្វីៗទាំងអស់ដំណើរការដោយគ្មានអ៊ីនធឺណិត ហើយអ្នកអាចចុះឈ្មោះនៅពេលក្រោយ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="195" />
            <source>If HQ gave you an enrolment code, enter HQ's address and the code to send this post's cases to HQ when a connection is available.</source>
            <translation>ប្រសិនបើទីស្នាក់ការកណ្ដាលបានផ្ដល់លេខកូដចុះឈ្មោះឱ្យអ្នក សូមបញ្ចូលអាសយដ្ឋានទីស្នាក់ការកណ្ដាល និងលេខកូដ ដើម្បីផ្ញើសំណុំរឿងរបស់ប៉ុស្តិ៍នេះទៅទីស្នាក់ការកណ្ដាល នៅពេលមានការតភ្ជាប់។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="198" />
            <source>HQ address</source>
            <translation>អាសយដ្ឋានទីស្នាក់ការកណ្ដាល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="199" />
            <source>Enrolment code</source>
            <translation>លេខកូដចុះឈ្មោះ</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="57" />
            <source>Rescue</source>
            <extracomment>Table, SYNC_ENTITY and wire name. English label shown for the record type (the window translates it), or None if no screen names the type on its own. The field that links the record to its parent (HQ's `Record.parent_id`). Every link to another record a device must have before applying this one: (field, entity). The first is the parent; an attachment's owner can be any record. The key its count has in statistics (device `fieldapp stats`, HQ `/stats`). Counted by the device's own statistics too (not only HQ's). Exported by `fieldapp export` (csv/json), leaving out these columns; None: not exported. Form `record:` names whose answers end up on this record (its unbound answers kept here). Read by the reports' record sources (figures). Shown as part of a case (the case list and case view reload when one is written). May own attachments (photos, scans, recordings). A store model merged field by field (`store.models.Synced`); False for the audit chain, which travels on the wire but is appended, never merged.</extracomment>
            <translation>ការជួយសង្គ្រោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="61" />
            <source>Victim</source>
            <translation>ជនរងគ្រោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="66" />
            <source>Statement</source>
            <translation>សេចក្ដីថ្លែងការណ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="71" />
            <source>Suspect</source>
            <translation>ជនសង្ស័យ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="75" />
            <source>Referral</source>
            <translation>ការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="80" />
            <source>Referral step</source>
            <translation>ជំហាននៃការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="84" />
            <source>Attachment</source>
            <translation>ឯកសារភ្ជាប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="87" />
            <source>Audit event</source>
            <translation>ព្រឹត្តិការណ៍សវនកម្ម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="89" />
            <source>Suspect in a case</source>
            <translation>ជនសង្ស័យក្នុងសំណុំរឿង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="92" />
            <source>Suspect status change</source>
            <translation>ការផ្លាស់ប្ដូរស្ថានភាពជនសង្ស័យ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="94" />
            <source>Suspect identifier</source>
            <translation>អត្តសញ្ញាណជនសង្ស័យ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="96" />
            <source>Person link</source>
            <translation>ការភ្ជាប់បុគ្គល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="98" />
            <source>Family member</source>
            <translation>សមាជិកគ្រួសារ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="101" />
            <source>Follow-up</source>
            <translation>ការតាមដាន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/domain/entities.py" line="104" />
            <source>Case transfer</source>
            <translation>ការផ្ទេរករណី</translation>
        </message>
    </context>
    <context>
        <name>LanguagePage</name>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="62" />
            <source>Welcome to fieldapp</source>
            <translation>សូមស្វាគមន៍មកកាន់ fieldapp</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="63" />
            <source>This laptop has no case store yet. Choose the language to work in; you can change it at any time.</source>
            <translation>កុំព្យូទ័រយួរដៃនេះមិនទាន់មានឃ្លាំងសំណុំរឿងនៅឡើយទេ។ សូមជ្រើសរើសភាសាសម្រាប់ធ្វើការ អ្នកអាចប្ដូរវាបានគ្រប់ពេល។</translation>
        </message>
    </context>
    <context>
        <name>MainView</name>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="263" />
            <source>User</source>
            <extracomment>Which screens each role gets, in order. The services enforce; this only reflects it. The non-modal confirmation every save shows ("Saved: Victim"), gone after a while. Shown when this laptop's clock looks far off (services.clock), before any save.</extracomment>
            <translation>អ្នកប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="264" />
            <source>Saved: {what}</source>
            <translation>បានរក្សាទុក៖ {what}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="313" />
            <source>This computer's clock is more than a few minutes off.</source>
            <translation>នាឡិការបស់កុំព្យូទ័រនេះខុសច្រើនជាងប៉ុន្មាននាទី។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="315" />
            <source>This computer's clock looks about {days} day(s) behind.</source>
            <translation>នាឡិការបស់កុំព្យូទ័រនេះហាក់ដូចជាយឺតប្រហែល {days} ថ្ងៃ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="317" />
            <source>This computer's clock looks about {days} day(s) ahead.</source>
            <translation>នាឡិការបស់កុំព្យូទ័រនេះហាក់ដូចជាលឿនប្រហែល {days} ថ្ងៃ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="319" />
            <source>Set the date and time before recording anything: saved records keep the time they were made.</source>
            <translation>សូមកំណត់កាលបរិច្ឆេទ និងម៉ោង មុននឹងកត់ត្រាអ្វីមួយ៖ កំណត់ត្រាដែលបានរក្សាទុក រក្សាពេលវេលាដែលវាត្រូវបានបង្កើត។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="339" />
            <source>User: {name} ({role})</source>
            <translation>អ្នកប្រើ៖ {name} ({role})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="345" />
            <source>National desk (every post's cases)</source>
            <translation>ការិយាល័យថ្នាក់ជាតិ (ករណីរបស់គ្រប់ប៉ុស្តិ៍)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="347" />
            <source>Post: {post}</source>
            <translation>ប៉ុស្តិ៍៖ {post}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="350" />
            <source>Sync: not enrolled (offline)</source>
            <translation>សមកាលកម្ម៖ មិនទាន់ចុះឈ្មោះ (គ្មានអ៊ីនធឺណិត)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="352" />
            <source>Sync: failed, will retry</source>
            <translation>សមកាលកម្ម៖ បរាជ័យ នឹងព្យាយាមម្ដងទៀត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="354" />
            <source>Sync: last {when}</source>
            <translation>សមកាលកម្ម៖ ចុងក្រោយ {when}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="356" />
            <source>Sync: never</source>
            <translation>សមកាលកម្ម៖ មិនធ្លាប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="359" />
            <source>{n} changes not yet sent</source>
            <translation>ការផ្លាស់ប្ដូរ {n} មិនទាន់បានផ្ញើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="376" />
            <source>Cases</source>
            <translation>សំណុំរឿង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="377" />
            <source>Referrals</source>
            <translation>ការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="377" />
            <source>Sync</source>
            <translation>សមកាលកម្ម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="376" />
            <source>Today</source>
            <translation>ថ្ងៃនេះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="378" />
            <source>Reports</source>
            <translation>របាយការណ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="378" />
            <source>Admin</source>
            <translation>ការគ្រប់គ្រង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="379" />
            <source>Matches</source>
            <translation>ការផ្គូផ្គងមនុស្ស</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="390" />
            <source>Lock (Ctrl+L)</source>
            <translation>ចាក់សោ (Ctrl+L)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="391" />
            <source>Lock now: the data is hidden and the key forgotten until a passphrase is entered again.</source>
            <translation>ចាក់សោឥឡូវនេះ៖ ទិន្នន័យត្រូវបានលាក់ ហើយកូនសោត្រូវបានបំភ្លេច រហូតដល់មានការបញ្ចូលឃ្លាសម្ងាត់ម្ដងទៀត។</translation>
        </message>
    </context>
    <context>
        <name>MassIntakeDialog</name>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="259" />
            <source>Type a line for each person first.</source>
            <translation>សូមបញ្ចូលមួយបន្ទាត់សម្រាប់មនុស្សម្នាក់ៗជាមុនសិន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="264" />
            <source>%1 people saved to the quick list.</source>
            <translation>បានរក្សាទុកមនុស្ស %1 នាក់ក្នុងបញ្ជីរហ័ស។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="278" />
            <source>Line %1: %2</source>
            <translation>បន្ទាត់ទី %1៖ %2</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="288" />
            <location filename="../../fieldapp/ui/mass_intake.py" line="313" />
            <source>Select saved people first (Shift or Ctrl + click).</source>
            <translation>សូមជ្រើសរើសមនុស្សដែលបានរក្សាទុកជាមុនសិន (Shift ឬ Ctrl + ចុច)។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="297" />
            <source>%1 referred.</source>
            <translation>បានបញ្ជូន %1 នាក់។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="299" />
            <source>%1 already referred there.</source>
            <translation>%1 នាក់បានបញ្ជូនទៅទីនោះរួចហើយ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="302" />
            <source>%1 left out: their consent to share is missing.</source>
            <translation>%1 នាក់មិនត្រូវបានបញ្ជូន៖ ខ្វះការយល់ព្រមឱ្យចែករំលែកព័ត៌មាន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="322" />
            <source>%1 people screened.</source>
            <translation>បានត្រួតពិនិត្យមនុស្ស %1 នាក់។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="351" />
            <source>%1 people on the list</source>
            <translation>មនុស្ស %1 នាក់ក្នុងបញ្ជី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="354" />
            <source>Quick list</source>
            <translation>បញ្ជីរហ័ស</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="354" />
            <source>Completed</source>
            <translation>បានបញ្ចប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="355" />
            <source>not screened yet</source>
            <translation>មិនទាន់ត្រួតពិនិត្យ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="356" />
            <source>presumed victim</source>
            <translation>សន្មតថាជាជនរងគ្រោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="357" />
            <source>identified victim</source>
            <translation>ជនរងគ្រោះដែលបានកំណត់អត្តសញ្ញាណ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="358" />
            <source>not a victim</source>
            <translation>មិនមែនជនរងគ្រោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="359" />
            <source>witness</source>
            <translation>សាក្សី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="360" />
            <source>child</source>
            <translation>កុមារ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="402" />
            <source>yes</source>
            <translation>មែន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="402" />
            <source>no</source>
            <translation>មិនមែន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="403" />
            <source>given</source>
            <translation>យល់ព្រម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="403" />
            <source>refused</source>
            <translation>បដិសេធ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="404" />
            <source>not asked</source>
            <translation>មិនទាន់បានសួរ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="404" />
            <source>partly given</source>
            <translation>យល់ព្រមខ្លះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="424" />
            <source>Quick list of people found</source>
            <translation>បញ្ជីរហ័សនៃមនុស្សដែលបានរកឃើញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="426" />
            <source>One line per person. Tab moves to the next cell; Ctrl+S saves the new lines; select saved people and press Ctrl+E to record their screening or Ctrl+R to refer them together. Languages: codes such as khm tha vie tgl hin. People stay out of the figures until screened, and each line is completed later with the full victim form (never entered twice).</source>
            <translation>មួយបន្ទាត់សម្រាប់មនុស្សម្នាក់។ ចុច Tab ដើម្បីទៅក្រឡាបន្ទាប់ Ctrl+S ដើម្បីរក្សាទុកបន្ទាត់ថ្មី ជ្រើសរើសមនុស្សដែលបានរក្សាទុក ហើយចុច Ctrl+E ដើម្បីកត់ត្រាការត្រួតពិនិត្យ ឬ Ctrl+R ដើម្បីបញ្ជូនពួកគេរួមគ្នា។ ភាសា៖ កូដដូចជា khm tha vie tgl hin។ មនុស្សមិនត្រូវបានរាប់ក្នុងតួលេខទេ រហូតដល់ការត្រួតពិនិត្យ ហើយបន្ទាត់នីមួយៗនឹងត្រូវបំពេញបន្ថែមនៅពេលក្រោយ ដោយទម្រង់ជនរងគ្រោះពេញលេញ (មិនបញ្ចូលម្ដងទៀតទេ)។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="432" />
            <source>Name (as given)</source>
            <translation>ឈ្មោះ (តាមដែលបានប្រាប់)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="432" />
            <source>Sex</source>
            <translation>ភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="432" />
            <source>Age (approx.)</source>
            <translation>អាយុ (ប្រហាក់ប្រហែល)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="433" />
            <source>Nationality</source>
            <translation>សញ្ជាតិ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="433" />
            <source>Languages</source>
            <translation>ភាសា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="433" />
            <source>Interpreter</source>
            <translation>អ្នកបកប្រែ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="434" />
            <source>Consent</source>
            <translation>ការយល់ព្រម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="434" />
            <source>Embassy contact</source>
            <translation>ទាក់ទងស្ថានទូត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="434" />
            <source>Age disputed</source>
            <translation>អាយុមិនច្បាស់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="435" />
            <source>Status</source>
            <translation>ស្ថានភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="436" />
            <source>Save new lines (Ctrl+S)</source>
            <translation>រក្សាទុកបន្ទាត់ថ្មី (Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="437" />
            <source>Refer selected… (Ctrl+R)</source>
            <translation>បញ្ជូនអ្នកដែលបានជ្រើស… (Ctrl+R)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="438" />
            <source>Screen selected… (Ctrl+E)</source>
            <translation>ត្រួតពិនិត្យអ្នកដែលបានជ្រើស… (Ctrl+E)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="439" />
            <source>Close</source>
            <translation>បិទ</translation>
        </message>
    </context>
    <context>
        <name>MatchQueueView</name>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="117" />
            <source>{n} new possible matches</source>
            <extracomment>What a scan or a decision writes: match suggestions and decisions (a linked person counts once in the reports).</extracomment>
            <translation>ការផ្គូផ្គងថ្មី {n}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="136" />
            <source>Linked: both records are kept and counted as one person.</source>
            <translation>បានភ្ជាប់៖ កំណត់ត្រាទាំងពីរត្រូវបានរក្សាទុក ហើយរាប់ជាមនុស្សម្នាក់។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="138" />
            <source>Kept apart: they will not be suggested again.</source>
            <translation>បានបំបែក៖ នឹងមិនត្រូវបានស្នើម្ដងទៀតទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="146" />
            <location filename="../../fieldapp/ui/match_queue.py" line="147" />
            <source>not on this device</source>
            <translation>មិនមាននៅលើឧបករណ៍នេះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="149" />
            <source>Score</source>
            <translation>ពិន្ទុ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="149" />
            <source>Case A</source>
            <translation>សំណុំរឿង ក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="149" />
            <source>Case B</source>
            <translation>សំណុំរឿង ខ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="150" />
            <source>Evidence</source>
            <translation>ភស្តុតាង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="151" />
            <location filename="../../fieldapp/ui/match_queue.py" line="205" />
            <source>Possible matches to review: {n}</source>
            <translation>ការផ្គូផ្គងដែលត្រូវពិនិត្យ៖ {n}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="167" />
            <source>Case</source>
            <translation>សំណុំរឿង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="167" />
            <source>Post</source>
            <translation>ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="167" />
            <source>Name (Khmer)</source>
            <translation>ឈ្មោះ (ខ្មែរ)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="167" />
            <source>Name (Latin)</source>
            <translation>ឈ្មោះ (ឡាតាំង)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="168" />
            <source>Sex</source>
            <translation>ភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="168" />
            <source>Born / age</source>
            <translation>ថ្ងៃកំណើត / អាយុ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="168" />
            <source>Nationality</source>
            <translation>សញ្ជាតិ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="168" />
            <source>Phone</source>
            <translation>ទូរស័ព្ទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="171" />
            <source>Person A</source>
            <translation>បុគ្គល ក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="171" />
            <source>Person B</source>
            <translation>បុគ្គល ខ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="188" />
            <source>name</source>
            <translation>ឈ្មោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="188" />
            <source>sex</source>
            <translation>ភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="188" />
            <source>age</source>
            <translation>អាយុ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="189" />
            <source>nationality</source>
            <translation>សញ្ជាតិ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="189" />
            <source>phone</source>
            <translation>ទូរស័ព្ទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="190" />
            <location filename="../../fieldapp/ui/match_queue.py" line="192" />
            <source>same</source>
            <translation>ដូចគ្នា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="190" />
            <source>alike</source>
            <translation>ស្រដៀងគ្នា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="191" />
            <source>alike but for a word</source>
            <translation>ស្រដៀងគ្នា លើកលែងតែមួយពាក្យ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="191" />
            <source>somewhat alike</source>
            <translation>ស្រដៀងគ្នាខ្លះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="192" />
            <location filename="../../fieldapp/ui/match_queue.py" line="193" />
            <source>different</source>
            <translation>ខុសគ្នា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="193" />
            <source>same date</source>
            <translation>ថ្ងៃដូចគ្នា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="194" />
            <source>within a year</source>
            <translation>ក្នុងរយៈពេលមួយឆ្នាំ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="194" />
            <source>within 3 years</source>
            <translation>ក្នុងរយៈពេល ៣ ឆ្នាំ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="195" />
            <source>within 8 years</source>
            <translation>ក្នុងរយៈពេល ៨ ឆ្នាំ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="195" />
            <source>far apart</source>
            <translation>ឆ្ងាយពីគ្នា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="207" />
            <source>The same person may have been recorded twice, at this post or another. Compare the two records; linking keeps both and counts them as one person.</source>
            <translation>មនុស្សម្នាក់អាចត្រូវបានកត់ត្រាពីរដង នៅប៉ុស្តិ៍នេះ ឬប៉ុស្តិ៍ផ្សេង។ សូមប្រៀបធៀបកំណត់ត្រាទាំងពីរ។ ការភ្ជាប់រក្សាទុកកំណត់ត្រាទាំងពីរ ហើយរាប់ជាមនុស្សម្នាក់។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="210" />
            <source>Find possible matches</source>
            <translation>ស្វែងរកការផ្គូផ្គង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="211" />
            <source>Same person: link</source>
            <translation>មនុស្សតែមួយ៖ ភ្ជាប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="212" />
            <source>Different people</source>
            <translation>មនុស្សផ្សេងគ្នា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/match_queue.py" line="213" />
            <source>Refresh</source>
            <translation>ធ្វើឱ្យថ្មី</translation>
        </message>
    </context>
    <context>
        <name>NationalDesk</name>
        <message>
            <location filename="../../fieldapp/ui/context.py" line="19" />
            <source>This is the national desk: it reads and searches every post's cases. Rescues, people, statements and referrals are recorded at the posts; HQ refuses them from the desk.</source>
            <translation>នេះជាការិយាល័យថ្នាក់ជាតិ៖ វាអាន និងស្វែងរកករណីរបស់គ្រប់ប៉ុស្តិ៍។ ការជួយសង្គ្រោះ មនុស្ស សេចក្ដីថ្លែងការណ៍ និងការបញ្ជូន ត្រូវកត់ត្រានៅប៉ុស្តិ៍។ ទីស្នាក់ការកណ្ដាលបដិសេធកំណត់ត្រាទាំងនេះពីការិយាល័យថ្នាក់ជាតិ។</translation>
        </message>
    </context>
    <context>
        <name>PostPage</name>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="93" />
            <source>Post</source>
            <translation>ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="94" />
            <source>Which border post or transit centre is this laptop for? Case numbers start with its code.</source>
            <translation>តើកុំព្យូទ័រយួរដៃនេះសម្រាប់ប៉ុស្តិ៍ព្រំដែន ឬមជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្នណា? លេខសំណុំរឿងចាប់ផ្ដើមដោយលេខកូដរបស់វា។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="96" />
            <source>Post or centre</source>
            <translation>ប៉ុស្តិ៍ ឬមជ្ឈមណ្ឌល</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="54" />
            <source>Decline referral</source>
            <extracomment>The board's queues, in tab order.</extracomment>
            <translation>បដិសេធការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="55" />
            <source>Why can the centre not take this referral?</source>
            <translation>ហេតុអ្វីបានជាមជ្ឈមណ្ឌលមិនអាចទទួលការបញ្ជូននេះ?</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="57" />
            <source>Decline</source>
            <translation>បដិសេធ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="57" />
            <source>Cancel</source>
            <translation>បោះបង់</translation>
        </message>
    </context>
    <context>
        <name>ReferDialog</name>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="116" />
            <source>Refer %1 people</source>
            <translation>បញ្ជូនមនុស្ស %1 នាក់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="125" />
            <source>Only if consent is missing: why refer anyway</source>
            <translation>តែក្នុងករណីខ្វះការយល់ព្រម៖ ហេតុអ្វីនៅតែបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="127" />
            <source>Service</source>
            <translation>សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="128" />
            <source>Provider</source>
            <translation>អ្នកផ្ដល់សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="130" />
            <source>Supervisor's override</source>
            <translation>ការសម្រេចលើកលែងរបស់អ្នកគ្រប់គ្រង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="133" />
            <source>Refer</source>
            <translation>បញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="133" />
            <source>Cancel</source>
            <translation>បោះបង់</translation>
        </message>
    </context>
    <context>
        <name>ReferralBoard</name>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="214" />
            <source>(minor)</source>
            <translation>(អនីតិជន)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="220" />
            <source>Person</source>
            <translation>បុគ្គល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="220" />
            <source>Sex</source>
            <translation>ភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="220" />
            <source>Age</source>
            <translation>អាយុ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="221" />
            <source>Nationality</source>
            <translation>សញ្ជាតិ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="221" />
            <source>Service</source>
            <translation>សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="221" />
            <source>Provider</source>
            <translation>អ្នកផ្ដល់សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="222" />
            <source>Urgency</source>
            <translation>ភាពបន្ទាន់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="222" />
            <source>Due</source>
            <translation>ថ្ងៃផុតកំណត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="222" />
            <source>Status</source>
            <translation>ស្ថានភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="232" />
            <source>New</source>
            <translation>ថ្មី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="232" />
            <source>Accepted</source>
            <translation>បានទទួលយក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="233" />
            <source>In service</source>
            <translation>កំពុងទទួលសេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="233" />
            <source>Overdue</source>
            <translation>ហួសកាលកំណត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="234" />
            <source>Closed</source>
            <translation>បានបិទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="261" />
            <source>Languages: {langs}
Notes: {notes}</source>
            <translation>ភាសា៖ {langs}
កំណត់សម្គាល់៖ {notes}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="310" />
            <source>Referral accepted.</source>
            <translation>បានទទួលយកការបញ្ជូន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="316" />
            <source>Referral declined.</source>
            <translation>បានបដិសេធការបញ្ជូន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="322" />
            <source>Services recorded.</source>
            <translation>បានកត់ត្រាសេវា។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="329" />
            <source>Referral completed.</source>
            <translation>បានបញ្ចប់ការបញ្ជូន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="362" />
            <source>Referral updated.</source>
            <translation>បានធ្វើបច្ចុប្បន្នភាពការបញ្ជូន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="371" />
            <source>Tracing outcome recorded.</source>
            <translation>បានកត់ត្រាលទ្ធផលនៃការស្វែងរកគ្រួសារ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="376" />
            <source>Follow-up planned.</source>
            <translation>បានគ្រោងការតាមដាន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="395" />
            <source>Complete referral</source>
            <translation>បញ្ចប់ការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="401" />
            <source>Referrals addressed to you, by status. Everything here works offline.</source>
            <translation>ការបញ្ជូនដែលផ្ញើមកអ្នក តាមស្ថានភាព។ អ្វីៗទាំងអស់នៅទីនេះដំណើរការដោយគ្មានអ៊ីនធឺណិត។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="403" />
            <source>Accept</source>
            <translation>ទទួលយក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="404" />
            <source>Decline…</source>
            <translation>បដិសេធ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="405" />
            <source>Record services…</source>
            <translation>កត់ត្រាសេវា…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="406" />
            <source>Complete…</source>
            <translation>បញ្ចប់…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="407" />
            <source>Tracing outcome…</source>
            <translation>លទ្ធផលនៃការស្វែងរកគ្រួសារ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="408" />
            <source>Plan a follow-up…</source>
            <translation>គ្រោងការតាមដាន…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="409" />
            <source>Refresh</source>
            <translation>ធ្វើឱ្យថ្មី</translation>
        </message>
    </context>
    <context>
        <name>Reports</name>
        <message>
            <location filename="vocabulary_phrases.py" line="143" />
            <source>'&lt;{t}' means between 1 and {m}; 'x' is hidden so that a small number cannot be worked out from the totals. Charts draw hidden numbers as zero.</source>
            <translation>'&lt;{t}' មានន័យថាពី ១ ដល់ {m}; 'x' ត្រូវបានលាក់ ដើម្បីកុំឱ្យគេគណនាចំនួនតូចពីចំនួនសរុបបាន។ ក្រាហ្វិកបង្ហាញចំនួនដែលលាក់ជាសូន្យ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="144" />
            <source>Age group</source>
            <translation>ក្រុមអាយុ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="145" />
            <source>Age on the operation date: from the date of birth when known, else the estimated age; 'unknown' when neither was recorded. Groups 0-13, 14-17, 18-24, 25-34, 35+.</source>
            <translation>អាយុនៅថ្ងៃប្រតិបត្តិការ៖ គិតពីថ្ងៃខែឆ្នាំកំណើត បើដឹង បើមិនដឹង គិតតាមអាយុប៉ាន់ស្មាន។ «មិនដឹង» នៅពេលមិនបានកត់ត្រាទាំងពីរ។ ក្រុមអាយុ ០-១៣, ១៤-១៧, ១៨-២៤, ២៥-៣៤, ៣៥+។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="146" />
            <source>All</source>
            <translation>ទាំងអស់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="147" />
            <source>Cases (rescue operations)</source>
            <translation>ករណី (ប្រតិបត្តិការជួយសង្គ្រោះ)</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="148" />
            <source>Cases by exploitation type</source>
            <translation>ករណីតាមប្រភេទនៃការកេងប្រវ័ញ្ច</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="149" />
            <source>Cases by month</source>
            <translation>ករណីតាមខែ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="150" />
            <source>Cases by post</source>
            <translation>ករណីតាមប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="151" />
            <source>Cases by province</source>
            <translation>ករណីតាមខេត្ត</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="152" />
            <source>Cases by year</source>
            <translation>ករណីតាមឆ្នាំ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="153" />
            <source>Cases in the period that are a handover from a foreign authority, or that name a referring country or a country of recruitment, transit or exploitation other than Cambodia.</source>
            <translation>ករណីក្នុងរយៈពេលនេះ ដែលជាការប្រគល់ទទួលពីអាជ្ញាធរបរទេស ឬដែលបញ្ជាក់ប្រទេសបញ្ជូន ឬប្រទេសនៃការជ្រើសរើស ការឆ្លងកាត់ ឬការកេងប្រវ័ញ្ច ក្រៅពីប្រទេសកម្ពុជា។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="154" />
            <source>Change</source>
            <translation>បម្រែបម្រួល</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="155" />
            <source>Child victims (under 18)</source>
            <translation>ជនរងគ្រោះជាកុមារ (អាយុក្រោម ១៨ ឆ្នាំ)</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="156" />
            <source>Computing the figures…</source>
            <translation>កំពុងគណនាតួលេខ…</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="157" />
            <source>Could not make the report</source>
            <translation>មិនអាចបង្កើតរបាយការណ៍បានទេ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="158" />
            <source>Count</source>
            <translation>ចំនួន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="159" />
            <source>Cross-border cases</source>
            <translation>ករណីឆ្លងដែន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="160" />
            <source>Custom period</source>
            <translation>រយៈពេលជ្រើសរើស</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="161" />
            <source>Definitions</source>
            <translation>និយមន័យ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="162" />
            <source>Definitions are given in English.</source>
            <translation>និយមន័យត្រូវបានផ្តល់ជាភាសាអង់គ្លេស។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="163" />
            <source>Each headline count for the period against the same period one year earlier: change = this period - last period; percentage = change / last period, one decimal (none when last period is 0). The headline counts are cases, victims, child victims, suspects arrested, suspects sent to court (by the day they were sent), victims rehabilitated, victims returned home and cross-border cases.</source>
            <translation>តួលេខសំខាន់នីមួយៗនៃរយៈពេលនេះ ធៀបនឹងរយៈពេលដូចគ្នាកាលពីមួយឆ្នាំមុន៖ បម្រែបម្រួល = រយៈពេលនេះ - រយៈពេលមុន។ ភាគរយ = បម្រែបម្រួល / រយៈពេលមុន មានខ្ទង់ទសភាគមួយ (មិនបង្ហាញទេ នៅពេលរយៈពេលមុនស្មើ ០)។ តួលេខសំខាន់ៗគឺ ករណី ជនរងគ្រោះ ជនរងគ្រោះជាកុមារ ជនសង្ស័យដែលបានចាប់ខ្លួន ជនសង្ស័យដែលបានបញ្ជូនទៅតុលាការ (តាមថ្ងៃដែលពួកគេត្រូវបានបញ្ជូន) ជនរងគ្រោះដែលបានស្តារនីតិសម្បទា ជនរងគ្រោះដែលបានវិលត្រឡប់ទៅផ្ទះវិញ និងករណីឆ្លងដែន។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="164" />
            <source>Exploitation type</source>
            <translation>ប្រភេទនៃការកេងប្រវ័ញ្ច</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="165" />
            <source>Export PDF…</source>
            <translation>នាំចេញជា PDF…</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="166" />
            <source>Export figures…</source>
            <translation>នាំចេញតួលេខ…</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="167" />
            <source>Figures for {start} to {end}, as of {as_of}.</source>
            <translation>តួលេខពី {start} ដល់ {end} គិតត្រឹម {as_of}។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="168" />
            <source>From</source>
            <translation>ពី</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="169" />
            <source>Headline figures</source>
            <translation>តួលេខសំខាន់ៗ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="170" />
            <source>ISO 3166-1 alpha-3 nationality as recorded; 'unknown' when blank.</source>
            <translation>សញ្ជាតិដូចដែលបានកត់ត្រា (កូដប្រទេសបីអក្សរតាមស្តង់ដារ ISO ៣១៦៦-១)។ «មិនដឹង» នៅពេលទុកទទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="171" />
            <source>Last year</source>
            <translation>ឆ្នាំមុន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="172" />
            <source>Made on</source>
            <translation>ធ្វើនៅថ្ងៃ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="173" />
            <source>Median days from referral to completion</source>
            <translation>មធ្យមភាគថ្ងៃពីការបញ្ជូនដល់ការបញ្ចប់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="174" />
            <source>Median days from referral to completion: {days}</source>
            <translation>មធ្យមភាគថ្ងៃពីការបញ្ជូនដល់ការបញ្ចប់៖ {days}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="175" />
            <source>Month</source>
            <translation>ខែ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="176" />
            <source>Nationality</source>
            <translation>សញ្ជាតិ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="177" />
            <source>Numbers</source>
            <translation>លេខ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="178" />
            <source>Numbers on this screen are exact. Exports and the PDF hide counts below {t}.</source>
            <translation>លេខនៅលើអេក្រង់នេះពិតប្រាកដ។ ឯកសារនាំចេញ និង PDF លាក់ចំនួនតិចជាង {t}។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="179" />
            <source>Outcome</source>
            <translation>លទ្ធផល</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="180" />
            <source>Over completed referrals: calendar days from the day the referral was created to the day of the event that completed it. Not shown when fewer completed referrals than the small-cell threshold.</source>
            <translation>គិតលើការបញ្ជូនដែលបានបញ្ចប់៖ ចំនួនថ្ងៃប្រតិទិន ពីថ្ងៃដែលការបញ្ជូនត្រូវបានបង្កើត ដល់ថ្ងៃនៃព្រឹត្តិការណ៍ដែលបានបញ្ចប់ការបញ្ជូននោះ។ មិនបង្ហាញទេ នៅពេលចំនួនការបញ្ជូនដែលបានបញ្ចប់តិចជាងកម្រិតនៃចំនួនតូច។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="181" />
            <source>Overdue referrals by service</source>
            <translation>ការបញ្ជូនហួសកាលកំណត់តាមសេវា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="182" />
            <source>Page {n}</source>
            <translation>ទំព័រ {n}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="183" />
            <source>Period</source>
            <translation>រយៈពេល</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="184" />
            <source>Post</source>
            <translation>ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="185" />
            <source>Province</source>
            <translation>ខេត្ត</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="186" />
            <source>Referral outcomes</source>
            <translation>លទ្ធផលនៃការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="187" />
            <source>Referrals by service and status</source>
            <translation>ការបញ្ជូនតាមសេវា និងស្ថានភាព</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="188" />
            <source>Referrals of the selected rescues' victims. The status is derived from the referral's events ordered by their clock stamps (the same rule on every device and at HQ), as of the moment the report is made.</source>
            <translation>ការបញ្ជូនរបស់ជនរងគ្រោះនៃការជួយសង្គ្រោះដែលបានជ្រើស។ ស្ថានភាពត្រូវបានកំណត់ពីព្រឹត្តិការណ៍នៃការបញ្ជូន តម្រៀបតាមត្រាពេលវេលារបស់វា (ច្បាប់ដូចគ្នានៅលើគ្រប់ឧបករណ៍ និងនៅទីស្នាក់ការកណ្ដាល) គិតត្រឹមពេលដែលរបាយការណ៍ត្រូវបានធ្វើ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="189" />
            <source>Referrals whose due date is before the report date and that are not completed, declined or cancelled.</source>
            <translation>ការបញ្ជូនដែលថ្ងៃផុតកំណត់មុនថ្ងៃធ្វើរបាយការណ៍ ហើយមិនទាន់បានបញ្ចប់ មិនត្រូវបានបដិសេធ និងមិនត្រូវបានលុបចោល។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="190" />
            <source>Rehabilitated: victims with at least one completed referral for shelter, medical care, psychosocial support, education or vocational training. Returned home: victims with at least one completed referral for repatriation or reintegration. A victim counts once in each line however many referrals were completed. A return whose family was judged unsafe (alternative care) is not 'returned home'. When the report is set to the ministry's reading (exclusive outcomes), a victim returned home is not also counted as rehabilitated, so the two lines add up to the victims with an outcome.</source>
            <translation>បានស្តារនីតិសម្បទា៖ ជនរងគ្រោះដែលមានការបញ្ជូនយ៉ាងហោចណាស់មួយដែលបានបញ្ចប់ សម្រាប់ទីជម្រក ការថែទាំសុខភាព ការគាំទ្រផ្លូវចិត្តសង្គម ការអប់រំ ឬការបណ្តុះបណ្តាលវិជ្ជាជីវៈ។ បានវិលត្រឡប់ទៅផ្ទះវិញ៖ ជនរងគ្រោះដែលមានការបញ្ជូនយ៉ាងហោចណាស់មួយដែលបានបញ្ចប់ សម្រាប់ការធ្វើមាតុភូមិនិវត្តន៍ ឬការធ្វើសមាហរណកម្មឡើងវិញ។ ជនរងគ្រោះម្នាក់ត្រូវរាប់តែម្ដងក្នុងជួរនីមួយៗ ទោះបីមានការបញ្ជូនបានបញ្ចប់ច្រើនប៉ុណ្ណាក៏ដោយ។ ការវិលត្រឡប់ដែលក្រុមគ្រួសារត្រូវបានវាយតម្លៃថាគ្មានសុវត្ថិភាព (ការថែទាំជំនួស) មិនមែនជា «បានវិលត្រឡប់ទៅផ្ទះវិញ» ទេ។ នៅពេលរបាយការណ៍ត្រូវបានកំណត់តាមការអានរបស់ក្រសួង (លទ្ធផលដាច់ដោយឡែកពីគ្នា) ជនរងគ្រោះដែលបានវិលត្រឡប់ទៅផ្ទះវិញ មិនត្រូវរាប់ជាបានស្តារនីតិសម្បទាទៀតទេ ដូច្នេះជួរទាំងពីរបូកគ្នាស្មើនឹងចំនួនជនរងគ្រោះដែលមានលទ្ធផល។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="191" />
            <source>Reports</source>
            <translation>របាយការណ៍</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="192" />
            <source>Rescue operations (one case number each) whose operation date is in the period, by the exploitation type recorded on the rescue.</source>
            <translation>ប្រតិបត្តិការជួយសង្គ្រោះ (មួយលេខសំណុំរឿងសម្រាប់ប្រតិបត្តិការនីមួយៗ) ដែលកាលបរិច្ឆេទប្រតិបត្តិការស្ថិតក្នុងរយៈពេលនេះ តាមប្រភេទនៃការកេងប្រវ័ញ្ចដែលបានកត់ត្រាលើការជួយសង្គ្រោះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="193" />
            <source>Rescue operations by calendar month of the operation date.</source>
            <translation>ប្រតិបត្តិការជួយសង្គ្រោះ តាមខែប្រតិទិននៃកាលបរិច្ឆេទប្រតិបត្តិការ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="194" />
            <source>Rescue operations by calendar year of the operation date.</source>
            <translation>ប្រតិបត្តិការជួយសង្គ្រោះ តាមឆ្នាំប្រតិទិននៃកាលបរិច្ឆេទប្រតិបត្តិការ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="195" />
            <source>Rescue operations in the period by the post that recorded them.</source>
            <translation>ប្រតិបត្តិការជួយសង្គ្រោះក្នុងរយៈពេលនេះ តាមប៉ុស្តិ៍ដែលបានកត់ត្រាប្រតិបត្តិការនោះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="196" />
            <source>Rescue operations in the period by the province where the operation took place.</source>
            <translation>ប្រតិបត្តិការជួយសង្គ្រោះក្នុងរយៈពេលនេះ តាមខេត្តដែលប្រតិបត្តិការបានធ្វើឡើង។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="197" />
            <source>Same period last year</source>
            <translation>រយៈពេលដូចគ្នាឆ្នាំមុន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="198" />
            <source>Saved {path}</source>
            <translation>បានរក្សាទុក {path}</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="199" />
            <source>Service</source>
            <translation>សេវា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="200" />
            <source>Sex</source>
            <translation>ភេទ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="201" />
            <source>Show</source>
            <translation>បង្ហាញ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="202" />
            <source>Small numbers</source>
            <translation>ចំនួនតូចៗ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="203" />
            <source>Stage</source>
            <translation>ដំណាក់កាល</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="204" />
            <source>Status</source>
            <translation>ស្ថានភាព</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="205" />
            <source>Suspects</source>
            <translation>ជនសង្ស័យ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="206" />
            <source>Suspects arrested</source>
            <translation>ជនសង្ស័យដែលបានចាប់ខ្លួន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="207" />
            <source>Suspects recorded under the selected rescues. The stages are cumulative: 'arrested' counts suspects whose status is arrested, sent to court or convicted; 'sent to court' counts sent to court or convicted; 'convicted' counts convicted. The headline 'suspects sent to court' instead counts persons sent to court on a day in the period, by the date of their first sent-to-court (or conviction) event, whatever year their case is from: a suspect in several cases, or two suspect records linked as one person, counts once. A suspect with no dated event is dated by the clock stamp of the status change.</source>
            <translation>ជនសង្ស័យដែលបានកត់ត្រាក្រោមការជួយសង្គ្រោះដែលបានជ្រើស។ ដំណាក់កាលទាំងនេះរាប់បន្តគ្នា៖ «បានចាប់ខ្លួន» រាប់ជនសង្ស័យដែលមានស្ថានភាព បានចាប់ខ្លួន បានបញ្ជូនទៅតុលាការ ឬបានផ្ដន្ទាទោស។ «បានបញ្ជូនទៅតុលាការ» រាប់អ្នកដែលបានបញ្ជូនទៅតុលាការ ឬបានផ្ដន្ទាទោស។ «បានផ្ដន្ទាទោស» រាប់តែអ្នកដែលបានផ្ដន្ទាទោស។ ចំណែកតួលេខសំខាន់ «ជនសង្ស័យដែលបានបញ្ជូនទៅតុលាការ» វិញ រាប់បុគ្គលដែលត្រូវបានបញ្ជូនទៅតុលាការនៅថ្ងៃណាមួយក្នុងរយៈពេលនេះ តាមកាលបរិច្ឆេទនៃព្រឹត្តិការណ៍បញ្ជូនទៅតុលាការ (ឬការផ្ដន្ទាទោស) លើកដំបូងរបស់គាត់ ទោះបីករណីរបស់គាត់ជាករណីនៃឆ្នាំណាក៏ដោយ៖ ជនសង្ស័យម្នាក់ដែលពាក់ព័ន្ធក្នុងករណីច្រើន ឬកំណត់ត្រាជនសង្ស័យពីរដែលបានភ្ជាប់ថាជាបុគ្គលតែមួយ ត្រូវរាប់តែម្ដងប៉ុណ្ណោះ។ ជនសង្ស័យដែលគ្មានព្រឹត្តិការណ៍ដែលមានកាលបរិច្ឆេទ ត្រូវយកត្រាពេលវេលានៃការប្ដូរស្ថានភាពជាកាលបរិច្ឆេទ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="208" />
            <source>Suspects sent to court</source>
            <translation>ជនសង្ស័យដែលបានបញ្ជូនទៅតុលាការ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="209" />
            <source>The age and sex tables crossed (the age pyramid).</source>
            <translation>តារាងអាយុ និងតារាងភេទ ដាក់ប្រសព្វគ្នា (ពីរ៉ាមីតអាយុ)។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="210" />
            <source>The exported file is NOT encrypted. Anyone who gets the file or the USB stick can read every name in it. Keep it only as long as needed, on an encrypted drive, and delete it after handing it over.</source>
            <translation>ឯកសារដែលបាននាំចេញមិនត្រូវបានអ៊ិនគ្រីបទេ។ អ្នកណាដែលបានឯកសារ ឬ USB អាចអានឈ្មោះទាំងអស់នៅក្នុងនោះ។ រក្សាទុកវាតែក្នុងរយៈពេលចាំបាច់ នៅលើឧបករណ៍ផ្ទុកដែលបានអ៊ិនគ្រីប ហើយលុបវាចោលក្រោយពេលប្រគល់រួច។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="211" />
            <source>The file will NOT be encrypted</source>
            <translation>ឯកសារនឹងមិនត្រូវបានអ៊ិនគ្រីបទេ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="212" />
            <source>This period</source>
            <translation>រយៈពេលនេះ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="213" />
            <source>To</source>
            <translation>ដល់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="214" />
            <source>Total</source>
            <translation>សរុប</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="215" />
            <source>Trafficking rescues and victims: report</source>
            <translation>របាយការណ៍ស្តីពីការជួយសង្គ្រោះ និងជនរងគ្រោះពីការជួញដូរមនុស្ស</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="216" />
            <source>Victims by age group and sex</source>
            <translation>ជនរងគ្រោះតាមក្រុមអាយុ និងភេទ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="217" />
            <source>Victims by month of their rescue's operation date and its exploitation type.</source>
            <translation>ជនរងគ្រោះ តាមខែនៃកាលបរិច្ឆេទប្រតិបត្តិការជួយសង្គ្រោះរបស់ពួកគេ និងតាមប្រភេទនៃការកេងប្រវ័ញ្ចរបស់ការជួយសង្គ្រោះនោះ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="218" />
            <source>Victims by the exploitation type of the rescue they were recorded under.</source>
            <translation>ជនរងគ្រោះ តាមប្រភេទនៃការកេងប្រវ័ញ្ចនៃការជួយសង្គ្រោះដែលពួកគេត្រូវបានកត់ត្រានៅក្រោម។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="219" />
            <source>Victims per month by exploitation type</source>
            <translation>ជនរងគ្រោះប្រចាំខែតាមប្រភេទនៃការកេងប្រវ័ញ្ច</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="220" />
            <source>Victims recorded under the selected rescues, by sex as recorded. Every victim figure counts presumed and identified victims only: people quick-listed and not yet screened, people screened as not a victim, and witnesses are left out.</source>
            <translation>ជនរងគ្រោះដែលបានកត់ត្រាក្រោមការជួយសង្គ្រោះដែលបានជ្រើស តាមភេទដូចដែលបានកត់ត្រា។ គ្រប់តួលេខអំពីជនរងគ្រោះ រាប់តែអ្នកដែលសន្មតថាជាជនរងគ្រោះ និងជនរងគ្រោះដែលបានកំណត់អត្តសញ្ញាណប៉ុណ្ណោះ៖ មិនរាប់មនុស្សដែលមានក្នុងបញ្ជីរហ័ស ហើយមិនទាន់បានត្រួតពិនិត្យ មនុស្សដែលត្រួតពិនិត្យហើយថាមិនមែនជាជនរងគ្រោះ និងសាក្សីទេ។</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="221" />
            <source>Victims rehabilitated</source>
            <translation>ជនរងគ្រោះដែលបានស្តារនីតិសម្បទា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="222" />
            <source>Victims rehabilitated and returned home</source>
            <translation>ជនរងគ្រោះដែលបានស្តារនីតិសម្បទា និងបានវិលត្រឡប់ទៅផ្ទះវិញ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="223" />
            <source>Victims rescued</source>
            <translation>ជនរងគ្រោះដែលបានជួយសង្គ្រោះ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="224" />
            <source>Victims rescued by age group</source>
            <translation>ជនរងគ្រោះដែលបានជួយសង្គ្រោះតាមក្រុមអាយុ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="225" />
            <source>Victims rescued by exploitation type</source>
            <translation>ជនរងគ្រោះតាមប្រភេទនៃការកេងប្រវ័ញ្ច</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="226" />
            <source>Victims rescued by nationality</source>
            <translation>ជនរងគ្រោះដែលបានជួយសង្គ្រោះតាមសញ្ជាតិ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="227" />
            <source>Victims rescued by sex</source>
            <translation>ជនរងគ្រោះដែលបានជួយសង្គ្រោះតាមភេទ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="228" />
            <source>Victims returned home</source>
            <translation>ជនរងគ្រោះដែលបានវិលត្រឡប់ទៅផ្ទះវិញ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="229" />
            <source>Year</source>
            <translation>ឆ្នាំ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="230" />
            <source>Year-on-year change</source>
            <translation>បម្រែបម្រួលធៀបនឹងឆ្នាំមុន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="231" />
            <source>none completed</source>
            <translation>មិនទាន់មានការបញ្ចប់</translation>
        </message>
    </context>
    <context>
        <name>ReportsView</name>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="288" />
            <source>Computing the figures…</source>
            <extracomment>Tables shown without a chart, after the charted ones.</extracomment>
            <translation>កំពុងគណនាតួលេខ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="297" />
            <source>Figures for {start} to {end}, as of {as_of}.</source>
            <translation>តួលេខពី {start} ដល់ {end} គិតត្រឹម {as_of}។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="321" />
            <source>This period</source>
            <translation>រយៈពេលនេះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="321" />
            <source>Same period last year</source>
            <translation>រយៈពេលដូចគ្នាឆ្នាំមុន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="322" />
            <source>Change</source>
            <translation>បម្រែបម្រួល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="338" />
            <source>none completed</source>
            <translation>មិនទាន់មានការបញ្ចប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="340" />
            <source>Median days from referral to completion: {days}</source>
            <translation>មធ្យមភាគថ្ងៃពីការបញ្ជូនដល់ការបញ្ចប់៖ {days}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="345" />
            <source>The file will NOT be encrypted</source>
            <translation>ឯកសារនឹងមិនត្រូវបានអ៊ិនគ្រីបទេ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="359" />
            <location filename="../../fieldapp/ui/reports/view.py" line="410" />
            <source>Export PDF…</source>
            <translation>នាំចេញជា PDF…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="388" />
            <location filename="../../fieldapp/ui/reports/view.py" line="411" />
            <source>Export figures…</source>
            <translation>នាំចេញតួលេខ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="400" />
            <source>Saved {path}</source>
            <translation>បានរក្សាទុក {path}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="404" />
            <source>Year</source>
            <translation>ឆ្នាំ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="404" />
            <source>From</source>
            <translation>ពី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="404" />
            <source>To</source>
            <translation>ដល់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="405" />
            <source>Province</source>
            <translation>ខេត្ត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="405" />
            <source>Post</source>
            <translation>ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="406" />
            <source>Exploitation type</source>
            <translation>ប្រភេទនៃការកេងប្រវ័ញ្ច</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="409" />
            <source>Show</source>
            <translation>បង្ហាញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="412" />
            <source>Numbers on this screen are exact. Exports and the PDF hide counts below {t}.</source>
            <translation>លេខនៅលើអេក្រង់នេះពិតប្រាកដ។ ឯកសារនាំចេញ និង PDF លាក់ចំនួនតិចជាង {t}។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="419" />
            <location filename="../../fieldapp/ui/reports/view.py" line="434" />
            <source>All</source>
            <translation>ទាំងអស់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/reports/view.py" line="428" />
            <source>Custom period</source>
            <translation>រយៈពេលជ្រើសរើស</translation>
        </message>
    </context>
    <context>
        <name>ResetDialog</name>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="132" />
            <source>Reset passphrase</source>
            <translation>កំណត់ឃ្លាសម្ងាត់ឡើងវិញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="139" />
            <source>User</source>
            <translation>អ្នកប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="140" />
            <source>New passphrase</source>
            <translation>ឃ្លាសម្ងាត់ថ្មី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="142" />
            <source>Set passphrase</source>
            <translation>កំណត់ឃ្លាសម្ងាត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="142" />
            <source>Cancel</source>
            <translation>បោះបង់</translation>
        </message>
    </context>
    <context>
        <name>ScreenDialog</name>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="146" />
            <source>Screen %1 people</source>
            <translation>ត្រួតពិនិត្យមនុស្ស %1 នាក់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="158" />
            <source>Outcome</source>
            <translation>លទ្ធផល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="159" />
            <source>Decided by</source>
            <translation>សម្រេចដោយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="160" />
            <source>Date</source>
            <translation>កាលបរិច្ឆេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="163" />
            <source>Save</source>
            <translation>រក្សាទុក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/mass_intake.py" line="163" />
            <source>Cancel</source>
            <translation>បោះបង់</translation>
        </message>
    </context>
    <context>
        <name>ServicesDialog</name>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="74" />
            <source>Services given:</source>
            <translation>សេវាដែលបានផ្ដល់៖</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="80" />
            <source>Closing note (optional)</source>
            <translation>កំណត់សម្គាល់បិទបញ្ចប់ (ស្រេចចិត្ត)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="83" />
            <source>Save</source>
            <translation>រក្សាទុក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="83" />
            <source>Cancel</source>
            <translation>បោះបង់</translation>
        </message>
    </context>
    <context>
        <name>Shell</name>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="116" />
            <source>fieldapp — rescue and referral records</source>
            <extracomment>Input that counts as "someone is using the laptop". HQ enrolment: (workspace, url, code) -&gt; None, raises FieldAppError. What `ask_revoked` answers to wipe without exporting the unsent changes.</extracomment>
            <translation>fieldapp — កំណត់ត្រាការជួយសង្គ្រោះ និងការបញ្ជូន</translation>
        </message>
    </context>
    <context>
        <name>StatementDialog</name>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="141" />
            <source>Statement</source>
            <translation>សេចក្ដីថ្លែងការណ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="145" />
            <source>Victim: {victim}
Interview: {date}, language {lang}
{seal}</source>
            <translation>ជនរងគ្រោះ៖ {victim}
ការសម្ភាសន៍៖ {date} ភាសា {lang}
{seal}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="142" />
            <source>Close</source>
            <translation>បិទ</translation>
        </message>
    </context>
    <context>
        <name>Strength</name>
        <message>
            <location filename="../../fieldapp/ui/strength.py" line="36" />
            <source>Good</source>
            <translation>ល្អ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/strength.py" line="35" />
            <source>Strong</source>
            <extracomment>Whether the policy accepts it (the same check `auth.check_passphrase` makes).</extracomment>
            <translation>រឹងមាំ</translation>
        </message>
    </context>
    <context>
        <name>SyncPanel</name>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="109" />
            <source>Sending and receiving changes…</source>
            <extracomment>Clock differences above this are worth telling the user about (HLCs cope, people may not).</extracomment>
            <translation>កំពុងផ្ញើ និងទទួលការផ្លាស់ប្ដូរ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="119" />
            <source>Sync finished: {pushed} sent, {pulled} received.</source>
            <translation>សមកាលកម្មបានបញ្ចប់៖ បានផ្ញើ {pushed} បានទទួល {pulled}។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="139" />
            <source>HQ has revoked this device.</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានដកសិទ្ធិឧបករណ៍នេះ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="141" />
            <source>This laptop is not enrolled with HQ: a supervisor enrols it in Admin.</source>
            <translation>កុំព្យូទ័រយួរដៃនេះមិនទាន់បានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាលទេ៖ អ្នកគ្រប់គ្រងចុះឈ្មោះវានៅក្នុងផ្នែកគ្រប់គ្រង។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="143" />
            <source>HQ could not be reached. Nothing is lost: the next sync continues.</source>
            <translation>មិនអាចទាក់ទងទីស្នាក់ការកណ្ដាលបានទេ។ គ្មានអ្វីបាត់បង់ទេ៖ សមកាលកម្មបន្ទាប់នឹងបន្តពីទីនេះ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="148" />
            <source>HQ refused the sync.</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានបដិសេធសមកាលកម្ម។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="155" />
            <source>The sync did not finish. Nothing is lost: try again.</source>
            <translation>ការធ្វើសមកាលកម្មមិនបានបញ្ចប់ទេ។ គ្មានអ្វីបាត់បង់ទេ៖ សូមព្យាយាមម្ដងទៀត។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="165" />
            <source>The connection to {address} was refused.</source>
            <translation>ការតភ្ជាប់ទៅ {address} ត្រូវបានបដិសេធ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="167" />
            <source>{address} did not answer.</source>
            <translation>{address} មិនបានឆ្លើយតបទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="169" />
            <source>There is no connection to {address}.</source>
            <translation>មិនមានការតភ្ជាប់ទៅ {address} ទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="171" />
            <source>No usable answer after {n} attempts.</source>
            <translation>មិនបានទទួលចម្លើយដែលអាចប្រើបាន ក្រោយការព្យាយាម {n} ដង។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="174" />
            <source>The sync ran out of time; what was sent is kept.</source>
            <translation>ការធ្វើសមកាលកម្មអស់ពេល។ អ្វីដែលបានផ្ញើរួច ត្រូវបានរក្សាទុក។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="194" />
            <source>This device was revoked by HQ</source>
            <translation>ឧបករណ៍នេះត្រូវបានទីស្នាក់ការកណ្ដាលដកសិទ្ធិ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="198" />
            <source>Not enrolled with HQ (the app works fully offline)</source>
            <translation>មិនទាន់ចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាល (កម្មវិធីដំណើរការពេញលេញដោយគ្មានអ៊ីនធឺណិត)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="200" />
            <source>Never</source>
            <translation>មិនធ្លាប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="203" />
            <source>No sync yet in this session</source>
            <translation>មិនទាន់មានសមកាលកម្មក្នុងវគ្គនេះទេ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="205" />
            <source>{pushed} sent, {pulled} received</source>
            <translation>បានផ្ញើ {pushed} បានទទួល {pulled}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="208" />
            <source>The last sync did not finish.</source>
            <translation>ការធ្វើសមកាលកម្មចុងក្រោយមិនបានបញ្ចប់ទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="209" />
            <location filename="../../fieldapp/ui/sync_panel.py" line="229" />
            <source>None</source>
            <translation>គ្មាន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="211" />
            <source>Unknown (not yet in contact with HQ)</source>
            <translation>មិនដឹង (មិនទាន់បានទាក់ទងជាមួយទីស្នាក់ការកណ្ដាល)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="213" />
            <source>This laptop's clock is {minutes} minutes off: please correct it</source>
            <translation>នាឡិការបស់កុំព្យូទ័រយួរដៃនេះខុស {minutes} នាទី៖ សូមកែវាឱ្យត្រូវ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="216" />
            <source>OK</source>
            <translation>ត្រឹមត្រូវ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="220" />
            <source>{count} changes refused by HQ. They are kept at HQ; a supervisor there releases them after a fix, or record them again correctly:</source>
            <translation>ការផ្លាស់ប្ដូរ {count} ត្រូវបានទីស្នាក់ការកណ្ដាលបដិសេធ។ វាត្រូវបានរក្សាទុកនៅទីស្នាក់ការកណ្ដាល អ្នកគ្រប់គ្រងនៅទីនោះនឹងដោះលែងវាក្រោយពេលកែតម្រូវ ឬសូមកត់ត្រាវាម្ដងទៀតឱ្យបានត្រឹមត្រូវ៖</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="224" />
            <source>{count} received records could not be stored on this laptop. They are kept aside and tried again at every sync:</source>
            <translation>កំណត់ត្រាដែលបានទទួល {count} មិនអាចរក្សាទុកនៅលើកុំព្យូទ័រនេះបានទេ។ វាត្រូវបានទុកដោយឡែក ហើយនឹងសាកល្បងម្ដងទៀតរាល់ពេលធ្វើសមកាលកម្ម៖</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="235" />
            <source>Changes are kept encrypted on this laptop and sent to HQ when a connection is available.</source>
            <translation>ការផ្លាស់ប្ដូរត្រូវបានរក្សាទុកដោយអ៊ិនគ្រីបនៅលើកុំព្យូទ័រយួរដៃនេះ ហើយផ្ញើទៅទីស្នាក់ការកណ្ដាលនៅពេលមានការតភ្ជាប់។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="237" />
            <source>Headquarters</source>
            <translation>ទីស្នាក់ការកណ្ដាល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="237" />
            <source>Last successful sync</source>
            <translation>សមកាលកម្មជោគជ័យចុងក្រោយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="238" />
            <source>Changes not yet sent</source>
            <translation>ការផ្លាស់ប្ដូរមិនទាន់បានផ្ញើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="238" />
            <source>Last round</source>
            <translation>ជុំចុងក្រោយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="239" />
            <source>Last error</source>
            <translation>កំហុសចុងក្រោយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="239" />
            <source>Clock</source>
            <translation>នាឡិកា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="240" />
            <source>Refused by HQ</source>
            <translation>ត្រូវបានទីស្នាក់ការកណ្ដាលបដិសេធ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="241" />
            <source>Not stored here</source>
            <translation>មិនបានរក្សាទុកនៅទីនេះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="243" />
            <source>Sync now</source>
            <translation>ធ្វើសមកាលកម្មឥឡូវនេះ</translation>
        </message>
    </context>
    <context>
        <name>Tasks</name>
        <message>
            <location filename="../../fieldapp/ui/tasks.py" line="27" />
            <source>The disk is full — nothing was lost; free space and try again.</source>
            <translation>ថាសពេញហើយ — គ្មានអ្វីបាត់បង់ទេ។ សូមបង្កើនទំហំទំនេរ ហើយព្យាយាមម្ដងទៀត។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/tasks.py" line="31" />
            <source>Something went wrong ({kind}). Nothing was changed by this action; the log has the details.</source>
            <translation>មានបញ្ហាកើតឡើង ({kind})។ សកម្មភាពនេះមិនបានផ្លាស់ប្ដូរអ្វីទេ ព័ត៌មានលម្អិតមាននៅក្នុងកំណត់ហេតុ។</translation>
        </message>
    </context>
    <context>
        <name>UnlockView</name>
        <message>
            <location filename="../../fieldapp/ui/unlock.py" line="176" />
            <source>Too many wrong passphrases: wait {s} s before trying again.</source>
            <translation>វាយឃ្លាសម្ងាត់ខុសច្រើនដងពេក៖ សូមរង់ចាំ {s} វិនាទី មុននឹងសាកល្បងម្ដងទៀត។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/unlock.py" line="194" />
            <source>Choose or type your user name.</source>
            <translation>សូមជ្រើសរើស ឬវាយឈ្មោះអ្នកប្រើរបស់អ្នក។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/unlock.py" line="197" />
            <source>Type your passphrase.</source>
            <translation>សូមវាយឃ្លាសម្ងាត់របស់អ្នក។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/unlock.py" line="212" />
            <source>Unlock fieldapp</source>
            <translation>ដោះសោ fieldapp</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/unlock.py" line="213" />
            <source>The case data on this laptop is encrypted. Enter your passphrase to open it.</source>
            <translation>ទិន្នន័យសំណុំរឿងលើកុំព្យូទ័រយួរដៃនេះត្រូវបានអ៊ិនគ្រីប។ សូមបញ្ចូលឃ្លាសម្ងាត់របស់អ្នក ដើម្បីបើកវា។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/unlock.py" line="215" />
            <source>User</source>
            <translation>អ្នកប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/unlock.py" line="216" />
            <source>Passphrase</source>
            <translation>ឃ្លាសម្ងាត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/unlock.py" line="217" />
            <source>Caps Lock is on</source>
            <translation>Caps Lock កំពុងបើក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/unlock.py" line="218" />
            <source>Unlock</source>
            <translation>ដោះសោ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/unlock.py" line="219" />
            <source>Language</source>
            <translation>ភាសា</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="57" />
            <location filename="../../fieldapp/ui/admin.py" line="84" />
            <source>Add user</source>
            <extracomment>Export formats offered, in order (csv writes a folder of files; the others one file).</extracomment>
            <translation>បន្ថែមអ្នកប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="77" />
            <source>User name</source>
            <translation>ឈ្មោះអ្នកប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="78" />
            <source>Full name (optional)</source>
            <translation>ឈ្មោះពេញ (ស្រេចចិត្ត)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="79" />
            <source>Role</source>
            <translation>តួនាទី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="80" />
            <source>Transit centre</source>
            <translation>មជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្ន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="81" />
            <source>Passphrase</source>
            <translation>ឃ្លាសម្ងាត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="82" />
            <source>Repeat passphrase</source>
            <translation>វាយឃ្លាសម្ងាត់ម្ដងទៀត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="84" />
            <source>Cancel</source>
            <translation>បោះបង់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="101" />
            <source>The two passphrases differ.</source>
            <translation>ឃ្លាសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ។</translation>
        </message>
    </context>
    <context>
        <name>ValueView</name>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="548" />
            <source>Yes</source>
            <translation>បាទ/ចាស</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/forms/editors.py" line="548" />
            <source>No</source>
            <translation>ទេ</translation>
        </message>
    </context>
    <context>
        <name>Vocabulary</name>
        <message>
            <location filename="vocabulary_phrases.py" line="2" />
            <source>Accepted</source>
            <translation>បានទទួលយក</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="3" />
            <source>Arrested</source>
            <translation>បានចាប់ខ្លួន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="4" />
            <source>At large</source>
            <translation>កំពុងគេចខ្លួន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="5" />
            <source>Aunt or uncle</source>
            <translation>មីង ឬពូ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="6" />
            <source>Broker</source>
            <translation>មេខ្យល់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="7" />
            <source>Brother or sister</source>
            <translation>បងប្អូន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="8" />
            <source>Cancelled</source>
            <translation>បានលុបចោល</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="9" />
            <source>Case review</source>
            <translation>ការពិនិត្យករណីឡើងវិញ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="10" />
            <source>Complete profile</source>
            <translation>ប្រវត្តិរូបពេញលេញ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="11" />
            <source>Completed</source>
            <translation>បានបញ្ចប់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="12" />
            <source>Contact lost</source>
            <translation>បាត់ទំនាក់ទំនង</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="13" />
            <source>Convicted</source>
            <translation>បានផ្ដន្ទាទោស</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="14" />
            <source>Court</source>
            <translation>តុលាការ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="15" />
            <source>Court support</source>
            <translation>ការគាំទ្រនៅតុលាការ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="16" />
            <source>Created</source>
            <translation>បានបង្កើត</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="17" />
            <source>Cross-border handover</source>
            <translation>ការប្រគល់ទទួលឆ្លងដែន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="18" />
            <source>Deceased</source>
            <translation>បានស្លាប់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="19" />
            <source>Declined</source>
            <translation>បានបដិសេធ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="20" />
            <source>Draft</source>
            <translation>សេចក្ដីព្រាង</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="21" />
            <source>Education</source>
            <translation>ការអប់រំ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="22" />
            <source>Embassy</source>
            <translation>ស្ថានទូត</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="23" />
            <source>Employer</source>
            <translation>និយោជក</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="24" />
            <source>Family not found</source>
            <translation>រកមិនឃើញក្រុមគ្រួសារ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="25" />
            <source>Family traced - not safe</source>
            <translation>រកឃើញក្រុមគ្រួសារ - គ្មានសុវត្ថិភាព</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="26" />
            <source>Family traced - safe to return</source>
            <translation>រកឃើញក្រុមគ្រួសារ - មានសុវត្ថិភាពក្នុងការវិលត្រឡប់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="27" />
            <source>Family tracing</source>
            <translation>ការស្វែងរកក្រុមគ្រួសារ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="28" />
            <source>Father</source>
            <translation>ឪពុក</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="29" />
            <source>Female</source>
            <translation>ស្រី</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="30" />
            <source>Final</source>
            <translation>ចុងក្រោយ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="31" />
            <source>Forced begging</source>
            <translation>ការបង្ខំឱ្យសុំទាន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="32" />
            <source>Forced marriage</source>
            <translation>ការបង្ខំឱ្យរៀបការ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="33" />
            <source>Foreign authority</source>
            <translation>អាជ្ញាធរបរទេស</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="34" />
            <source>Given</source>
            <translation>យល់ព្រម</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="35" />
            <source>Government</source>
            <translation>រដ្ឋាភិបាល</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="36" />
            <source>Grandparent</source>
            <translation>ជីដូនជីតា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="37" />
            <source>Health check</source>
            <translation>ពិនិត្យសុខភាព</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="38" />
            <source>Home visit</source>
            <translation>ចុះសួរសុខទុក្ខដល់ផ្ទះ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="39" />
            <source>Husband or wife</source>
            <translation>ប្ដី ឬប្រពន្ធ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="40" />
            <source>Identified</source>
            <translation>បានកំណត់អត្តសញ្ញាណ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="41" />
            <source>Identified victim</source>
            <translation>ជនរងគ្រោះដែលបានកំណត់អត្តសញ្ញាណ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="42" />
            <source>In service</source>
            <translation>កំពុងទទួលសេវា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="43" />
            <source>International organisation</source>
            <translation>អង្គការអន្តរជាតិ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="44" />
            <source>Labour exploitation</source>
            <translation>ការកេងប្រវ័ញ្ចកម្លាំងពលកម្ម</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="45" />
            <source>Legal aid</source>
            <translation>ជំនួយផ្លូវច្បាប់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="46" />
            <source>Legal guardian</source>
            <translation>អាណាព្យាបាលស្របច្បាប់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="47" />
            <source>Low</source>
            <translation>ទាប</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="48" />
            <source>Male</source>
            <translation>ប្រុស</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="49" />
            <source>Medical care</source>
            <translation>ការថែទាំសុខភាព</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="50" />
            <source>Mother</source>
            <translation>ម្ដាយ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="51" />
            <source>NGO</source>
            <translation>អង្គការមិនមែនរដ្ឋាភិបាល</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="52" />
            <source>National desk</source>
            <translation>ការិយាល័យថ្នាក់ជាតិ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="53" />
            <source>New</source>
            <translation>ថ្មី</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="54" />
            <source>Normal</source>
            <translation>ធម្មតា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="55" />
            <source>Not a victim</source>
            <translation>មិនមែនជាជនរងគ្រោះ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="56" />
            <source>Not asked yet</source>
            <translation>មិនទាន់បានសួរ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="57" />
            <source>Not screened yet</source>
            <translation>មិនទាន់បានត្រួតពិនិត្យ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="58" />
            <source>Not trafficking</source>
            <translation>មិនមែនការជួញដូរមនុស្ស</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="59" />
            <source>Officer</source>
            <translation>មន្ត្រីនគរបាល</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="60" />
            <source>Online-scam compound</source>
            <translation>មជ្ឈមណ្ឌលបោកប្រាស់តាមអនឡាញ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="61" />
            <source>Other</source>
            <translation>ផ្សេងៗ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="62" />
            <source>Other relative</source>
            <translation>សាច់ញាតិផ្សេងទៀត</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="63" />
            <source>Overdue</source>
            <translation>ហួសកាលកំណត់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="64" />
            <source>Partly given</source>
            <translation>យល់ព្រមខ្លះ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="65" />
            <source>Phone call</source>
            <translation>ការហៅទូរស័ព្ទ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="66" />
            <source>Police</source>
            <translation>នគរបាល</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="67" />
            <source>Presumed victim</source>
            <translation>សន្មតថាជាជនរងគ្រោះ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="68" />
            <source>Prosecutor</source>
            <translation>អយ្យការ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="69" />
            <source>Psychosocial support</source>
            <translation>ការគាំទ្រផ្លូវចិត្តសង្គម</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="70" />
            <source>Quick list</source>
            <translation>បញ្ជីរហ័ស</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="71" />
            <source>Recruiter</source>
            <translation>អ្នកជ្រើសរើស</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="72" />
            <source>Refused</source>
            <translation>បដិសេធ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="73" />
            <source>Reintegration</source>
            <translation>ការធ្វើសមាហរណកម្មឡើងវិញ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="74" />
            <source>Repatriation</source>
            <translation>ការធ្វើមាតុភូមិនិវត្តន៍</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="75" />
            <source>Rescue</source>
            <translation>ការជួយសង្គ្រោះ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="76" />
            <source>Returned home and followed up</source>
            <translation>បានវិលត្រឡប់ទៅផ្ទះ និងបានតាមដាន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="77" />
            <source>School check</source>
            <translation>ពិនិត្យការសិក្សានៅសាលា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="78" />
            <source>Sent to court</source>
            <translation>បានបញ្ជូនទៅតុលាការ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="79" />
            <source>Sexual exploitation</source>
            <translation>ការកេងប្រវ័ញ្ចផ្លូវភេទ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="80" />
            <source>Shelter</source>
            <translation>ទីជម្រក</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="81" />
            <source>Social affairs</source>
            <translation>សង្គមកិច្ច</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="82" />
            <source>Still searching</source>
            <translation>កំពុងស្វែងរក</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="83" />
            <source>Supervisor</source>
            <translation>អ្នកគ្រប់គ្រង</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="84" />
            <source>The person declined services</source>
            <translation>សាមីខ្លួនបានបដិសេធសេវា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="85" />
            <source>The person declined tracing</source>
            <translation>បុគ្គលនោះបដិសេធការស្វែងរក</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="86" />
            <source>Transferred</source>
            <translation>បានផ្ទេរ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="87" />
            <source>Transit centre</source>
            <translation>មជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្ន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="88" />
            <source>Transit-centre staff</source>
            <translation>បុគ្គលិកមជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្ន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="89" />
            <source>Transporter</source>
            <translation>អ្នកដឹកជញ្ជូន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="90" />
            <source>Unknown</source>
            <translation>មិនដឹង</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="91" />
            <source>Urgent</source>
            <translation>បន្ទាន់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="92" />
            <source>Victims rehabilitated</source>
            <translation>ជនរងគ្រោះដែលបានស្តារនីតិសម្បទា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="93" />
            <source>Victims returned home</source>
            <translation>ជនរងគ្រោះដែលបានវិលត្រឡប់ទៅផ្ទះវិញ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="94" />
            <source>Vocational training</source>
            <translation>ការបណ្តុះបណ្តាលវិជ្ជាជីវៈ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="95" />
            <source>Witness</source>
            <translation>សាក្សី</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="96" />
            <source>accepted</source>
            <translation>បានទទួលយក</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="97" />
            <source>amended</source>
            <translation>បានធ្វើវិសោធនកម្ម</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="98" />
            <source>cancelled</source>
            <translation>បានលុបចោល</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="99" />
            <source>case closed</source>
            <translation>បានបិទសំណុំរឿង</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="100" />
            <source>case transferred</source>
            <translation>បានផ្ទេរករណី</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="101" />
            <source>changed</source>
            <translation>បានកែប្រែ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="102" />
            <source>checked</source>
            <translation>បានពិនិត្យ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="103" />
            <source>completed</source>
            <translation>បានបញ្ចប់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="104" />
            <source>consent overridden</source>
            <translation>បានបដិសេធការយល់ព្រម ដោយមានមូលហេតុ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="105" />
            <source>consent recorded</source>
            <translation>បានកត់ត្រាការយល់ព្រម</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="106" />
            <source>created</source>
            <translation>បានបង្កើត</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="107" />
            <source>declined</source>
            <translation>បានបដិសេធ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="108" />
            <source>device set up</source>
            <translation>បានរៀបចំឧបករណ៍</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="109" />
            <source>draft discarded</source>
            <translation>បានបោះបង់សេចក្ដីព្រាង</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="110" />
            <source>draft saved as record</source>
            <translation>បានរក្សាទុកសេចក្ដីព្រាងជាកំណត់ត្រា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="111" />
            <source>enrolled with HQ</source>
            <translation>បានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាល</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="112" />
            <source>exported</source>
            <translation>បាននាំចេញ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="113" />
            <source>family member recorded</source>
            <translation>បានកត់ត្រាសមាជិកគ្រួសារ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="114" />
            <source>file attached</source>
            <translation>បានភ្ជាប់ឯកសារ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="115" />
            <source>finalised</source>
            <translation>បានបញ្ចប់ជាស្ថាពរ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="116" />
            <source>follow-up done</source>
            <translation>បានធ្វើការតាមដានរួច</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="117" />
            <source>follow-up planned</source>
            <translation>បានគ្រោងការតាមដាន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="118" />
            <source>kept apart</source>
            <translation>បានបំបែក</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="119" />
            <source>linked as one person</source>
            <translation>បានភ្ជាប់ជាមនុស្សតែមួយ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="120" />
            <source>match reopened</source>
            <translation>បានបើកការផ្គូផ្គងឡើងវិញ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="121" />
            <source>matches searched</source>
            <translation>បានស្វែងរកការផ្គូផ្គង</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="122" />
            <source>passphrase reset</source>
            <translation>បានកំណត់ឃ្លាសម្ងាត់ឡើងវិញ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="123" />
            <source>people quick-listed</source>
            <translation>បានកត់ត្រាមនុស្សក្នុងបញ្ជីរហ័ស</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="124" />
            <source>read</source>
            <translation>បានអាន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="125" />
            <source>recovery key set</source>
            <translation>បានកំណត់សោសង្គ្រោះ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="126" />
            <source>referred onward</source>
            <translation>បានបញ្ជូនបន្ត</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="127" />
            <source>referred together</source>
            <translation>បានបញ្ជូនរួមគ្នា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="128" />
            <source>repeat child interview recorded</source>
            <translation>បានកត់ត្រាការសម្ភាសកុមារម្ដងទៀត</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="129" />
            <source>report figures rebuilt</source>
            <translation>បានគណនាតួលេខរបាយការណ៍ឡើងវិញ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="130" />
            <source>return recorded</source>
            <translation>បានកត់ត្រាការវិលត្រឡប់</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="131" />
            <source>screened</source>
            <translation>បានត្រួតពិនិត្យ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="132" />
            <source>sent</source>
            <translation>បានបញ្ជូន</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="133" />
            <source>service recorded</source>
            <translation>បានកត់ត្រាសេវា</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="134" />
            <source>signed in</source>
            <translation>បានចូលប្រើ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="135" />
            <source>social worker waived</source>
            <translation>បានលើកលែងបុគ្គលិកសង្គមកិច្ច</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="136" />
            <source>statements sealed</source>
            <translation>បានបិទត្រាសេចក្ដីថ្លែងការណ៍</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="137" />
            <source>suspect case recorded</source>
            <translation>បានកត់ត្រាសំណុំរឿងជនសង្ស័យ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="138" />
            <source>suspect identifier recorded</source>
            <translation>បានកត់ត្រាអត្តសញ្ញាណជនសង្ស័យ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="139" />
            <source>suspect's progress recorded</source>
            <translation>បានកត់ត្រាដំណើរការរបស់ជនសង្ស័យ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="140" />
            <source>sync file written</source>
            <translation>បានសរសេរឯកសារធ្វើសមកាលកម្ម</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="141" />
            <source>tracing outcome recorded</source>
            <translation>បានកត់ត្រាលទ្ធផលស្វែងរកក្រុមគ្រួសារ</translation>
        </message>
        <message>
            <location filename="vocabulary_phrases.py" line="142" />
            <source>user added</source>
            <translation>បានបន្ថែមអ្នកប្រើ</translation>
        </message>
    </context>
</TS>