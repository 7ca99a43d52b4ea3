<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="km_KH">
    <context>
        <name>AccountPage</name>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="132" />
            <source>The two passphrases differ.</source>
            <translation>ឃ្លាសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="141" />
            <source>First supervisor</source>
            <translation>អ្នកគ្រប់គ្រងដំបូង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="142" />
            <source>This person manages the users of this laptop.</source>
            <translation>បុគ្គលនេះគ្រប់គ្រងអ្នកប្រើប្រាស់កុំព្យូទ័រយួរដៃនេះ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="143" />
            <source>User name</source>
            <translation>ឈ្មោះអ្នកប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="143" />
            <source>Full name (optional)</source>
            <translation>ឈ្មោះពេញ (ស្រេចចិត្ត)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="144" />
            <source>Passphrase</source>
            <translation>ឃ្លាសម្ងាត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="144" />
            <source>Repeat passphrase</source>
            <translation>វាយឃ្លាសម្ងាត់ម្ដងទៀត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="147" />
            <source>A passphrase of several words is easiest to remember; Khmer words are allowed. Nobody can read this laptop's cases without it, so keep it safe.</source>
            <translation>ឃ្លាសម្ងាត់ដែលមានពាក្យច្រើនងាយចងចាំជាងគេ ហើយអាចប្រើពាក្យខ្មែរបាន។ គ្មាននរណាម្នាក់អាចអានសំណុំរឿងលើកុំព្យូទ័រយួរដៃនេះបានទេ បើគ្មានវា ដូច្នេះសូមរក្សាវាឱ្យមានសុវត្ថិភាព។</translation>
        </message>
    </context>
    <context>
        <name>AdminView</name>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="232" />
            <source>User name</source>
            <translation>ឈ្មោះអ្នកប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="232" />
            <source>Full name</source>
            <translation>ឈ្មោះពេញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="232" />
            <source>Role</source>
            <translation>តួនាទី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="233" />
            <source>Post</source>
            <translation>ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="233" />
            <source>Centre</source>
            <translation>មជ្ឈមណ្ឌល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="237" />
            <source>Referral</source>
            <translation>ការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="237" />
            <source>Service</source>
            <translation>សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="237" />
            <source>Provider</source>
            <translation>អ្នកផ្ដល់សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="238" />
            <source>Status</source>
            <translation>ស្ថានភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="242" />
            <source>Sync conflicts to review ({n})</source>
            <translation>ភាពមិនស៊ីគ្នានៃសមកាលកម្មដែលត្រូវពិនិត្យ ({n})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="264" />
            <source>User {name} added.</source>
            <translation>បានបន្ថែមអ្នកប្រើ {name}។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="270" />
            <source>New passphrase set for {name}.</source>
            <translation>បានកំណត់ឃ្លាសម្ងាត់ថ្មីសម្រាប់ {name}។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="288" />
            <source>This laptop is enrolled with HQ: changes are now sent when a connection is available.</source>
            <translation>កុំព្យូទ័រយួរដៃនេះបានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាលហើយ៖ ការផ្លាស់ប្ដូរនឹងត្រូវផ្ញើនៅពេលមានការតភ្ជាប់។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="295" />
            <source>Enrolment failed: {reason}</source>
            <translation>ការចុះឈ្មោះបរាជ័យ៖ {reason}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="302" />
            <source>Enter HQ's address and the enrolment code HQ gave you.</source>
            <translation>សូមបញ្ចូលអាសយដ្ឋានទីស្នាក់ការកណ្ដាល និងលេខកូដចុះឈ្មោះដែលទីស្នាក់ការកណ្ដាលបានផ្ដល់ឱ្យ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="315" />
            <source>Exported to {name}. The file is NOT encrypted: keep it on an encrypted drive and delete it after handing it over.</source>
            <translation>បាននាំចេញទៅ {name}។ ឯកសារនេះមិនត្រូវបានអ៊ិនគ្រីបទេ៖ រក្សាទុកវានៅលើឧបករណ៍ផ្ទុកដែលបានអ៊ិនគ្រីប ហើយលុបវាចោលក្រោយពេលប្រគល់រួច។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="335" />
            <source>The file will NOT be encrypted</source>
            <translation>ឯកសារនឹងមិនត្រូវបានអ៊ិនគ្រីបទេ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="336" />
            <source>The exported file is NOT encrypted. Anyone who gets the file or the USB stick can read every name in it. Keep it only as long as needed, on an encrypted drive, and delete it after handing it over.</source>
            <translation>ឯកសារដែលបាននាំចេញមិនត្រូវបានអ៊ិនគ្រីបទេ។ អ្នកណាដែលបានឯកសារ ឬ USB អាចអានឈ្មោះទាំងអស់នៅក្នុងនោះ។ រក្សាទុកវាតែក្នុងរយៈពេលចាំបាច់ នៅលើឧបករណ៍ផ្ទុកដែលបានអ៊ិនគ្រីប ហើយលុបវាចោលក្រោយពេលប្រគល់រួច។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="345" />
            <source>Export to a new folder</source>
            <translation>នាំចេញទៅថតឯកសារថ្មី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="348" />
            <source>Export to a file</source>
            <translation>នាំចេញទៅជាឯកសារ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="364" />
            <source>Select a user first.</source>
            <translation>សូមជ្រើសរើសអ្នកប្រើជាមុនសិន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="371" />
            <source>People who can unlock this laptop</source>
            <translation>អ្នកដែលអាចដោះសោកុំព្យូទ័រយួរដៃនេះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="372" />
            <source>Add user…</source>
            <translation>បន្ថែមអ្នកប្រើ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="373" />
            <source>Reset passphrase…</source>
            <translation>កំណត់ឃ្លាសម្ងាត់ឡើងវិញ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="374" />
            <source>Sync conflicts to review</source>
            <translation>ភាពមិនស៊ីគ្នានៃសមកាលកម្មដែលត្រូវពិនិត្យ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="375" />
            <source>Lock after this many minutes without use:</source>
            <translation>ចាក់សោបន្ទាប់ពីមិនប្រើប្រាស់រយៈពេលប៉ុន្មាននាទី៖</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="376" />
            <source>Enrol with HQ</source>
            <translation>ចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="377" />
            <source>This laptop was set up offline. With HQ's address and an enrolment code from HQ, its changes are sent to HQ when a connection is available.</source>
            <translation>កុំព្យូទ័រយួរដៃនេះត្រូវបានរៀបចំដោយគ្មានការតភ្ជាប់។ ដោយមានអាសយដ្ឋាន និងលេខកូដចុះឈ្មោះពីទីស្នាក់ការកណ្ដាល ការផ្លាស់ប្ដូររបស់វានឹងត្រូវផ្ញើទៅទីស្នាក់ការកណ្ដាលនៅពេលមានការតភ្ជាប់។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="380" />
            <source>HQ address</source>
            <translation>អាសយដ្ឋានទីស្នាក់ការកណ្ដាល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="381" />
            <source>Enrolment code</source>
            <translation>លេខកូដចុះឈ្មោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="382" />
            <source>Enrol</source>
            <translation>ចុះឈ្មោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="383" />
            <source>Export all records (not encrypted)</source>
            <translation>នាំចេញកំណត់ត្រាទាំងអស់ (មិនអ៊ិនគ្រីប)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="384" />
            <source>CSV (a folder of tables)</source>
            <translation>CSV (ថតឯកសារនៃតារាង)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="384" />
            <source>JSON (one file)</source>
            <translation>JSON (ឯកសារមួយ)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="385" />
            <source>HTCDS 2.0 sheet (CSV)</source>
            <translation>តារាង HTCDS 2.0 (CSV)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="388" />
            <source>Export…</source>
            <translation>នាំចេញ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="403" />
            <source>HQ could not be reached. Check the address and the connection, then try again.</source>
            <translation>មិនអាចទាក់ទងទីស្នាក់ការកណ្ដាលបានទេ។ សូមពិនិត្យអាសយដ្ឋាន និងការតភ្ជាប់ រួចព្យាយាមម្ដងទៀត។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="407" />
            <source>HQ refused the code ({reason}). Check it, or ask HQ for a new one.</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានបដិសេធលេខកូដ ({reason})។ សូមពិនិត្យវា ឬសុំលេខកូដថ្មីពីទីស្នាក់ការកណ្ដាល។</translation>
        </message>
    </context>
    <context>
        <name>AppController</name>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="255" />
            <source>The encrypted store was created, but enrolment with HQ failed: {reason} Correct the address or code and press Finish again, or clear both to enrol later in Admin.</source>
            <extracomment>A store made by first run whose enrolment failed: the wizard asks again.</extracomment>
            <translation>ឃ្លាំងទិន្នន័យដែលបានអ៊ិនគ្រីបត្រូវបានបង្កើតហើយ ប៉ុន្តែការចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាលបរាជ័យ៖ {reason} សូមកែអាសយដ្ឋាន ឬលេខកូដ ហើយចុច បញ្ចប់ ម្ដងទៀត ឬលុបទាំងពីរដើម្បីចុះឈ្មោះនៅពេលក្រោយក្នុងផ្នែកគ្រប់គ្រង។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="277" />
            <source>Wrong user name or passphrase.</source>
            <translation>ឈ្មោះអ្នកប្រើ ឬឃ្លាសម្ងាត់មិនត្រឹមត្រូវ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="280" />
            <source>Too many wrong passphrases.</source>
            <translation>វាយឃ្លាសម្ងាត់ខុសច្រើនដងពេក។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="382" />
            <source>This device was revoked</source>
            <translation>ឧបករណ៍នេះត្រូវបានដកសិទ្ធិ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="386" />
            <source>HQ has revoked this device. {n} changes never reached HQ. Save them to a sealed file (only HQ can open it) and hand it to HQ; then this laptop's store is wiped.</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានដកសិទ្ធិឧបករណ៍នេះ។ ការផ្លាស់ប្ដូរចំនួន {n} មិនបានទៅដល់ទីស្នាក់ការកណ្ដាលទេ។ សូមរក្សាទុកវាក្នុងឯកសារបិទជិត (មានតែទីស្នាក់ការកណ្ដាលទេដែលអាចបើកបាន) ហើយប្រគល់ឱ្យទីស្នាក់ការកណ្ដាល បន្ទាប់មកឃ្លាំងទិន្នន័យនៃកុំព្យូទ័រយួរដៃនេះនឹងត្រូវលុបចោល។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="389" />
            <source>Save the changes, then wipe…</source>
            <translation>រក្សាទុកការផ្លាស់ប្ដូរ រួចលុបចោល…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="391" />
            <source>Wipe without saving</source>
            <translation>លុបចោលដោយមិនរក្សាទុក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="393" />
            <source>HQ has revoked this device and holds all of its changes. This laptop's store will now be wiped.</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានដកសិទ្ធិឧបករណ៍នេះ ហើយមានការផ្លាស់ប្ដូរទាំងអស់របស់វារួចហើយ។ ឃ្លាំងទិន្នន័យនៃកុំព្យូទ័រយួរដៃនេះនឹងត្រូវលុបចោលឥឡូវនេះ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="395" />
            <source>Wipe</source>
            <translation>លុបចោល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="396" />
            <source>Not now</source>
            <translation>មិនមែនឥឡូវនេះទេ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/shell.py" line="402" />
            <source>Save unsent changes</source>
            <translation>រក្សាទុកការផ្លាស់ប្ដូរដែលមិនទាន់បានផ្ញើ</translation>
        </message>
    </context>
    <context>
        <name>AttachmentDialog</name>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="148" />
            <source>{name}: {size} bytes ({mime}). This file type cannot be shown here.</source>
            <translation>{name}៖ {size} បៃ ({mime})។ ប្រភេទឯកសារនេះមិនអាចបង្ហាញនៅទីនេះបានទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="150" />
            <source>Close</source>
            <translation>បិទ</translation>
        </message>
    </context>
    <context>
        <name>CaseListView</name>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="417" />
            <source>{shown} cases shown</source>
            <translation>កំពុងបង្ហាញសំណុំរឿងចំនួន {shown}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="419" />
            <source>{shown} of more than {total} cases shown</source>
            <translation>កំពុងបង្ហាញសំណុំរឿង {shown} ក្នុងចំណោមច្រើនជាង {total}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="422" />
            <source>{shown} of {total} cases shown</source>
            <translation>កំពុងបង្ហាញសំណុំរឿង {shown} ក្នុងចំណោម {total}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="442" />
            <source>All provinces</source>
            <translation>គ្រប់ខេត្ត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="443" />
            <source>All posts</source>
            <translation>គ្រប់ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="445" />
            <source>All types</source>
            <translation>គ្រប់ប្រភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="449" />
            <source>Any referral status</source>
            <translation>ស្ថានភាពបញ្ជូនណាមួយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="452" />
            <source>Search</source>
            <translation>ស្វែងរក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="453" />
            <source>Case number, or a victim's or suspect's name (Khmer or Latin)</source>
            <translation>លេខសំណុំរឿង ឬឈ្មោះជនរងគ្រោះ ឬជនសង្ស័យ (អក្សរខ្មែរ ឬឡាតាំង)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="455" />
            <source>New rescue…</source>
            <translation>ការជួយសង្គ្រោះថ្មី…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="456" />
            <source>Province</source>
            <translation>ខេត្ត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="456" />
            <source>Post</source>
            <translation>ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="457" />
            <source>Type</source>
            <translation>ប្រភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="457" />
            <source>Referral</source>
            <translation>ការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="459" />
            <source>Between</source>
            <translation>ចន្លោះពី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="460" />
            <source>and</source>
            <translation>ដល់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="461" />
            <source>Minors only</source>
            <translation>តែអនីតិជនប៉ុណ្ណោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_list.py" line="462" />
            <source>Clear filters</source>
            <translation>សម្អាតតម្រង</translation>
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
            <location filename="../../fieldapp/ui/case_view.py" line="70" />
            <source>not sealed (draft)</source>
            <translation>មិនទាន់បិទត្រា (សេចក្ដីព្រាង)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="71" />
            <source>sealed, cannot change ({fingerprint})</source>
            <translation>បានបិទត្រា មិនអាចកែប្រែបានទេ ({fingerprint})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="82" />
            <source>Draft: not final yet. It can still be edited; make it final when it is complete.</source>
            <translation>សេចក្ដីព្រាង៖ មិនទាន់ចុងក្រោយ។ នៅអាចកែបាន។ សូមធ្វើឱ្យវាចុងក្រោយ នៅពេលវាពេញលេញ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="85" />
            <source>Final: sealed on {date} by {who}. It cannot change; any correction is recorded as an amendment. Seal fingerprint: {fingerprint}</source>
            <translation>ចុងក្រោយ៖ បានបិទត្រានៅ {date} ដោយ {who}។ វាមិនអាចកែប្រែបានទេ ការកែតម្រូវណាមួយត្រូវកត់ត្រាជាវិសោធនកម្ម។ ស្នាមត្រា៖ {fingerprint}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="355" />
            <source>Case {number}</source>
            <translation>សំណុំរឿង {number}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="366" />
            <source>about {age}</source>
            <translation>ប្រហែល {age}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="368" />
            <source>Name (Khmer)</source>
            <translation>ឈ្មោះ (ខ្មែរ)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="368" />
            <source>Name (Latin)</source>
            <translation>ឈ្មោះ (ឡាតាំង)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="368" />
            <source>Sex</source>
            <translation>ភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="369" />
            <source>Age</source>
            <translation>អាយុ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="369" />
            <source>Minor</source>
            <translation>អនីតិជន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="369" />
            <location filename="../../fieldapp/ui/case_view.py" line="393" />
            <source>Nationality</source>
            <translation>សញ្ជាតិ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="370" />
            <source>Languages</source>
            <translation>ភាសា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="370" />
            <source>Profile</source>
            <translation>ប្រវត្តិរូប</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="372" />
            <source>yes</source>
            <translation>មែន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="372" />
            <source>no</source>
            <translation>មិនមែន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="375" />
            <source>complete</source>
            <translation>ពេញលេញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="375" />
            <source>to complete</source>
            <translation>ត្រូវបំពេញបន្ថែម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="377" />
            <location filename="../../fieldapp/ui/case_view.py" line="398" />
            <source>Victim</source>
            <translation>ជនរងគ្រោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="377" />
            <source>Interview</source>
            <translation>ការសម្ភាសន៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="377" />
            <location filename="../../fieldapp/ui/case_view.py" line="393" />
            <location filename="../../fieldapp/ui/case_view.py" line="399" />
            <source>Status</source>
            <translation>ស្ថានភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="378" />
            <source>Language</source>
            <translation>ភាសា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="378" />
            <source>Seal (SHA-256)</source>
            <translation>ត្រា (SHA-256)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="379" />
            <source>Sealed?</source>
            <translation>បានបិទត្រា?</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="382" />
            <source>(amendment)</source>
            <translation>(វិសោធនកម្ម)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="390" />
            <source>Final: sealed, it cannot change. A correction is recorded as an amendment.</source>
            <translation>ចុងក្រោយ៖ បានបិទត្រា មិនអាចផ្លាស់ប្ដូរបានទេ។ ការកែតម្រូវត្រូវកត់ត្រាជាវិសោធនកម្ម។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="392" />
            <source>Name</source>
            <translation>ឈ្មោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="392" />
            <source>Alias</source>
            <translation>ឈ្មោះក្លែងក្លាយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="392" />
            <source>Role</source>
            <translation>តួនាទី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="398" />
            <source>Service</source>
            <translation>សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="398" />
            <source>Provider</source>
            <translation>អ្នកផ្ដល់សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="399" />
            <source>Due</source>
            <translation>ថ្ងៃផុតកំណត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="403" />
            <source>conflict</source>
            <translation>មិនស៊ីគ្នា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="405" />
            <source>File</source>
            <translation>ឯកសារ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="405" />
            <location filename="../../fieldapp/ui/case_view.py" line="616" />
            <source>Type</source>
            <translation>ប្រភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="405" />
            <source>Size</source>
            <translation>ទំហំ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="406" />
            <source>Belongs to</source>
            <translation>ជាកម្មសិទ្ធិរបស់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="407" />
            <source>{kb} KB</source>
            <translation>{kb} គីឡូបៃ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="410" />
            <source>When</source>
            <translation>ពេលវេលា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="410" />
            <source>Who</source>
            <translation>អ្នកណា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="410" />
            <source>Action</source>
            <translation>សកម្មភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="410" />
            <source>Record</source>
            <translation>កំណត់ត្រា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="413" />
            <source>Victims ({n})</source>
            <translation>ជនរងគ្រោះ ({n})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="414" />
            <source>Statements ({n})</source>
            <translation>សេចក្ដីថ្លែងការណ៍ ({n})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="415" />
            <source>Suspects ({n})</source>
            <translation>ជនសង្ស័យ ({n})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="416" />
            <source>Referrals ({n})</source>
            <translation>ការបញ្ជូន ({n})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="417" />
            <source>Attachments ({n})</source>
            <translation>ឯកសារភ្ជាប់ ({n})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="480" />
            <location filename="../../fieldapp/ui/case_view.py" line="494" />
            <location filename="../../fieldapp/ui/case_view.py" line="561" />
            <location filename="../../fieldapp/ui/case_view.py" line="570" />
            <source>Select the victim in the Victims tab first.</source>
            <translation>សូមជ្រើសរើសជនរងគ្រោះនៅផ្ទាំងជនរងគ្រោះជាមុនសិន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="487" />
            <source>Select the suspect first.</source>
            <translation>សូមជ្រើសរើសជនសង្ស័យជាមុនសិន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="518" />
            <source>Make the statement final</source>
            <translation>ធ្វើឱ្យសេចក្ដីថ្លែងការណ៍ជាចុងក្រោយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="519" />
            <source>A final statement is sealed and can never change; a correction is then recorded as an amendment. Make it final now?</source>
            <translation>សេចក្ដីថ្លែងការណ៍ចុងក្រោយត្រូវបានបិទត្រា ហើយមិនអាចកែប្រែបានទៀតទេ ការកែតម្រូវត្រូវកត់ត្រាជាវិសោធនកម្ម។ ធ្វើឱ្យវាជាចុងក្រោយឥឡូវនេះឬ?</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="533" />
            <source>The statement is final and sealed.</source>
            <translation>សេចក្ដីថ្លែងការណ៍ជាចុងក្រោយ ហើយបានបិទត្រា។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="540" />
            <source>Cancel referral</source>
            <translation>លុបចោលការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="541" />
            <source>Why is this referral cancelled?</source>
            <translation>ហេតុអ្វីបានជាលុបចោលការបញ្ជូននេះ?</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="544" />
            <source>Give a reason to cancel the referral.</source>
            <translation>សូមផ្ដល់មូលហេតុដើម្បីលុបចោលការបញ្ជូន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="555" />
            <source>The referral was cancelled.</source>
            <translation>ការបញ្ជូនត្រូវបានលុបចោល។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="612" />
            <source>← Cases</source>
            <translation>← សំណុំរឿង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="613" />
            <source>Edit rescue…</source>
            <translation>កែប្រែការជួយសង្គ្រោះ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="614" />
            <source>Date</source>
            <translation>កាលបរិច្ឆេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="614" />
            <source>Place</source>
            <translation>ទីកន្លែង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="615" />
            <source>Province</source>
            <translation>ខេត្ត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="615" />
            <source>Post</source>
            <translation>ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="616" />
            <source>Unit</source>
            <translation>អង្គភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="618" />
            <source>Add victim…</source>
            <translation>បន្ថែមជនរងគ្រោះ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="619" />
            <source>Refer to a service…</source>
            <translation>បញ្ជូនទៅសេវា…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="620" />
            <source>Record statement…</source>
            <translation>កត់ត្រាសេចក្ដីថ្លែងការណ៍…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="621" />
            <source>Read statement</source>
            <translation>អានសេចក្ដីថ្លែងការណ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="622" />
            <source>Add suspect…</source>
            <translation>បន្ថែមជនសង្ស័យ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="623" />
            <source>Complete / edit person…</source>
            <translation>បំពេញ / កែប្រែព័ត៌មានបុគ្គល…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="624" />
            <source>Record return…</source>
            <translation>កត់ត្រាការវិលត្រឡប់…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="625" />
            <source>Edit draft…</source>
            <translation>កែសេចក្ដីព្រាង…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="626" />
            <source>Make final…</source>
            <translation>ធ្វើឱ្យជាចុងក្រោយ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="627" />
            <source>Amend…</source>
            <translation>វិសោធនកម្ម…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="628" />
            <source>Edit suspect…</source>
            <translation>កែប្រែជនសង្ស័យ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="629" />
            <source>Cancel referral…</source>
            <translation>លុបចោលការបញ្ជូន…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="630" />
            <source>Attachments stay encrypted; opening one decrypts it into memory only.</source>
            <translation>ឯកសារភ្ជាប់នៅតែត្រូវបានអ៊ិនគ្រីប៖ ការបើកឯកសារមួយ ឌិគ្រីបវាតែក្នុងអង្គចងចាំប៉ុណ្ណោះ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="632" />
            <source>Open</source>
            <translation>បើក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="633" />
            <source>Victims</source>
            <translation>ជនរងគ្រោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="633" />
            <source>Statements</source>
            <translation>សេចក្ដីថ្លែងការណ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="633" />
            <source>Suspects</source>
            <translation>ជនសង្ស័យ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="634" />
            <source>Referrals</source>
            <translation>ការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="634" />
            <source>Attachments</source>
            <translation>ឯកសារភ្ជាប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="635" />
            <source>Audit trail</source>
            <translation>កំណត់ត្រាសវនកម្ម</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="249" />
            <source>Set up fieldapp</source>
            <extracomment>The store exists already (its enrolment failed): only the HQ page may change.</extracomment>
            <translation>រៀបចំ fieldapp</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="250" />
            <source>Next &gt;</source>
            <translation>បន្ទាប់ &gt;</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="251" />
            <source>&lt; Back</source>
            <translation>&lt; ថយក្រោយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="253" />
            <source>Create the store</source>
            <translation>បង្កើតឃ្លាំងទិន្នន័យ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="253" />
            <source>Finish</source>
            <translation>បញ្ចប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="254" />
            <source>Cancel</source>
            <translation>បោះបង់</translation>
        </message>
    </context>
    <context>
        <name>HomeView</name>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="147" />
            <source>{n} unfinished forms
Resume or discard them</source>
            <extracomment>Status colours; the words always say the same, colour is never the only signal.</extracomment>
            <translation>ទម្រង់មិនទាន់បញ្ចប់ {n}
បន្ត ឬបោះបង់វា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="149" />
            <source>{n} overdue referrals
Past their due date</source>
            <translation>ការបញ្ជូនហួសកាលកំណត់ {n}
លើសថ្ងៃកំណត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="151" />
            <source>{n} new referrals
Waiting to be accepted</source>
            <translation>ការបញ្ជូនថ្មី {n}
កំពុងរង់ចាំការទទួលយក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="153" />
            <source>{n} people still to complete
Found at a rescue, profile not finished</source>
            <translation>បុគ្គល {n} នាក់ត្រូវបំពេញបន្ថែម
រកឃើញក្នុងការជួយសង្គ្រោះ ប្រវត្តិរូបមិនទាន់ពេញលេញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="158" />
            <source>not connected to HQ yet</source>
            <translation>មិនទាន់ភ្ជាប់ជាមួយទីស្នាក់ការកណ្ដាលទេ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="160" />
            <source>last sync failed, will retry</source>
            <translation>សមកាលកម្មចុងក្រោយបរាជ័យ នឹងព្យាយាមម្ដងទៀត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="162" />
            <source>last sync {when}</source>
            <translation>សមកាលកម្មចុងក្រោយ {when}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="164" />
            <source>never synced</source>
            <translation>មិនដែលធ្វើសមកាលកម្ម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="165" />
            <source>{n} changes not yet sent
{last}</source>
            <translation>ការផ្លាស់ប្ដូរ {n} មិនទាន់បានផ្ញើ
{last}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="168" />
            <source>● All done: nothing is waiting.</source>
            <translation>● រួចរាល់៖ គ្មានអ្វីរង់ចាំទេ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="169" />
            <source>● Work waiting: see below.</source>
            <translation>● មានការងាររង់ចាំ៖ មើលខាងក្រោម។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="170" />
            <source>● Needs attention: overdue referrals or a failed sync.</source>
            <translation>● ត្រូវការយកចិត្តទុកដាក់៖ ការបញ្ជូនហួសកាលកំណត់ ឬសមកាលកម្មបរាជ័យ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/home.py" line="177" />
            <source>Today</source>
            <translation>ថ្ងៃនេះ</translation>
        </message>
    </context>
    <context>
        <name>HqPage</name>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="178" />
            <source>Headquarters (optional)</source>
            <translation>ទីស្នាក់ការកណ្ដាល (ស្រេចចិត្ត)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="179" />
            <source>Leave both empty to skip: everything works offline, and you can enrol later.</source>
            <translation>ទុកទាំងពីរឱ្យនៅទទេ ដើម្បីរំលង៖ អ្វីៗទាំងអស់ដំណើរការដោយគ្មានអ៊ីនធឺណិត ហើយអ្នកអាចចុះឈ្មោះនៅពេលក្រោយ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="181" />
            <source>If HQ gave you an enrolment code, enter HQ's address and the code to send this post's cases to HQ when a connection is available.</source>
            <translation>ប្រសិនបើទីស្នាក់ការកណ្ដាលបានផ្ដល់លេខកូដចុះឈ្មោះឱ្យអ្នក សូមបញ្ចូលអាសយដ្ឋានទីស្នាក់ការកណ្ដាល និងលេខកូដ ដើម្បីផ្ញើសំណុំរឿងរបស់ប៉ុស្តិ៍នេះទៅទីស្នាក់ការកណ្ដាល នៅពេលមានការតភ្ជាប់។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="184" />
            <source>HQ address</source>
            <translation>អាសយដ្ឋានទីស្នាក់ការកណ្ដាល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="185" />
            <source>Enrolment code</source>
            <translation>លេខកូដចុះឈ្មោះ</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="115" />
            <source>Labour exploitation</source>
            <translation>ការកេងប្រវ័ញ្ចកម្លាំងពលកម្ម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="116" />
            <source>Sexual exploitation</source>
            <translation>ការកេងប្រវ័ញ្ចផ្លូវភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="117" />
            <source>Forced marriage</source>
            <translation>ការបង្ខំឱ្យរៀបការ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="118" />
            <source>Online-scam compound</source>
            <translation>ទីតាំងបោកប្រាស់តាមអនឡាញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="119" />
            <source>Forced begging</source>
            <translation>ការបង្ខំឱ្យសុំទាន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="120" />
            <location filename="../../fieldapp/ui/i18n.py" line="132" />
            <location filename="../../fieldapp/ui/i18n.py" line="163" />
            <source>Other</source>
            <translation>ផ្សេងៗ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="126" />
            <source>Officer</source>
            <translation>មន្ត្រីនគរបាល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="126" />
            <source>Transit-centre staff</source>
            <translation>បុគ្គលិកមជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្ន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="127" />
            <source>Supervisor</source>
            <translation>អ្នកគ្រប់គ្រង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="132" />
            <source>Female</source>
            <translation>ស្រី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="132" />
            <source>Male</source>
            <translation>ប្រុស</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="133" />
            <source>Unknown</source>
            <translation>មិនដឹង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="139" />
            <source>Created</source>
            <translation>បានបង្កើត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="139" />
            <source>New</source>
            <translation>ថ្មី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="139" />
            <source>Accepted</source>
            <translation>បានទទួលយក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="140" />
            <source>In service</source>
            <translation>កំពុងផ្ដល់សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="140" />
            <source>Completed</source>
            <translation>បានបញ្ចប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="141" />
            <source>Declined</source>
            <translation>បានបដិសេធ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="141" />
            <source>Cancelled</source>
            <translation>បានលុបចោល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="141" />
            <source>Overdue</source>
            <translation>ហួសកាលកំណត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="148" />
            <source>Shelter</source>
            <translation>ទីជម្រក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="148" />
            <source>Medical care</source>
            <translation>ការថែទាំសុខភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="148" />
            <source>Psychosocial support</source>
            <translation>ការគាំទ្រផ្លូវចិត្តសង្គម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="149" />
            <source>Legal aid</source>
            <translation>ជំនួយផ្លូវច្បាប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="149" />
            <source>Family tracing</source>
            <translation>ការស្វែងរកក្រុមគ្រួសារ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="150" />
            <source>Repatriation</source>
            <translation>ការបញ្ជូនត្រឡប់មកស្រុកកំណើតវិញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="150" />
            <source>Reintegration</source>
            <translation>ការធ្វើសមាហរណកម្មឡើងវិញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="151" />
            <source>Education</source>
            <translation>ការអប់រំ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="151" />
            <source>Vocational training</source>
            <translation>វគ្គបណ្ដុះបណ្ដាលវិជ្ជាជីវៈ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="157" />
            <source>Low</source>
            <translation>ទាប</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="157" />
            <source>Normal</source>
            <translation>ធម្មតា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="157" />
            <source>High</source>
            <translation>ខ្ពស់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="162" />
            <source>Recruiter</source>
            <translation>អ្នកជ្រើសរើស</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="162" />
            <source>Broker</source>
            <translation>មេខ្យល់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="162" />
            <source>Transporter</source>
            <translation>អ្នកដឹកជញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="163" />
            <source>Employer</source>
            <translation>និយោជក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="168" />
            <source>At large</source>
            <translation>កំពុងគេចខ្លួន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="168" />
            <source>Arrested</source>
            <translation>បានចាប់ខ្លួន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="169" />
            <source>Sent to court</source>
            <translation>បានបញ្ជូនទៅតុលាការ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="169" />
            <source>Convicted</source>
            <translation>បានផ្ដន្ទាទោស</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="174" />
            <source>Draft</source>
            <translation>សេចក្ដីព្រាង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="174" />
            <source>Final</source>
            <translation>ចុងក្រោយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="180" />
            <location filename="../../fieldapp/ui/i18n.py" line="181" />
            <source>created</source>
            <translation>បានបង្កើត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="182" />
            <source>changed</source>
            <translation>បានកែប្រែ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="182" />
            <source>read</source>
            <translation>បានអាន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="183" />
            <source>finalised</source>
            <translation>បានបញ្ចប់ជាស្ថាពរ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="183" />
            <source>amended</source>
            <translation>បានធ្វើវិសោធនកម្ម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="183" />
            <source>signed in</source>
            <translation>បានចូលប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="184" />
            <source>sent</source>
            <translation>បានបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="184" />
            <source>accepted</source>
            <translation>បានទទួលយក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="184" />
            <source>service recorded</source>
            <translation>បានកត់ត្រាសេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="185" />
            <source>completed</source>
            <translation>បានបញ្ចប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="185" />
            <source>declined</source>
            <translation>បានបដិសេធ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="185" />
            <source>cancelled</source>
            <translation>បានលុបចោល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="191" />
            <source>Rescue</source>
            <translation>ការជួយសង្គ្រោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="191" />
            <source>Victim</source>
            <translation>ជនរងគ្រោះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="191" />
            <source>Statement</source>
            <translation>សេចក្ដីថ្លែងការណ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="192" />
            <source>Suspect</source>
            <translation>ជនសង្ស័យ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="192" />
            <source>Referral</source>
            <translation>ការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/i18n.py" line="192" />
            <source>Attachment</source>
            <translation>ឯកសារភ្ជាប់</translation>
        </message>
    </context>
    <context>
        <name>LanguagePage</name>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="58" />
            <source>Welcome to fieldapp</source>
            <translation>សូមស្វាគមន៍មកកាន់ fieldapp</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="59" />
            <source>This laptop has no case store yet. Choose the language to work in; you can change it at any time.</source>
            <translation>កុំព្យូទ័រយួរដៃនេះមិនទាន់មានឃ្លាំងសំណុំរឿងនៅឡើយទេ។ សូមជ្រើសរើសភាសាសម្រាប់ធ្វើការ អ្នកអាចប្ដូរវាបានគ្រប់ពេល។</translation>
        </message>
    </context>
    <context>
        <name>MainView</name>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="242" />
            <source>User</source>
            <extracomment>Which screens each role gets, in order. The services enforce; this only reflects it. The non-modal confirmation every save shows ("Saved: Victim"), gone after a while.</extracomment>
            <translation>អ្នកប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="243" />
            <source>Saved: {what}</source>
            <translation>បានរក្សាទុក៖ {what}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="277" />
            <source>User: {name} ({role})</source>
            <translation>អ្នកប្រើ៖ {name} ({role})</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="282" />
            <source>Post: {post}</source>
            <translation>ប៉ុស្តិ៍៖ {post}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="285" />
            <source>Sync: not enrolled (offline)</source>
            <translation>សមកាលកម្ម៖ មិនទាន់ចុះឈ្មោះ (គ្មានអ៊ីនធឺណិត)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="287" />
            <source>Sync: failed, will retry</source>
            <translation>សមកាលកម្ម៖ បរាជ័យ នឹងព្យាយាមម្ដងទៀត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="289" />
            <source>Sync: last {when}</source>
            <translation>សមកាលកម្ម៖ ចុងក្រោយ {when}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="291" />
            <source>Sync: never</source>
            <translation>សមកាលកម្ម៖ មិនធ្លាប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="294" />
            <source>{n} changes not yet sent</source>
            <translation>ការផ្លាស់ប្ដូរ {n} មិនទាន់បានផ្ញើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="311" />
            <source>Cases</source>
            <translation>សំណុំរឿង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="311" />
            <source>Referrals</source>
            <translation>ការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="311" />
            <source>Sync</source>
            <translation>សមកាលកម្ម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="311" />
            <source>Today</source>
            <translation>ថ្ងៃនេះ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="312" />
            <source>Reports</source>
            <translation>របាយការណ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="312" />
            <source>Admin</source>
            <translation>ការគ្រប់គ្រង</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="323" />
            <source>Lock (Ctrl+L)</source>
            <translation>ចាក់សោ (Ctrl+L)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/main_window.py" line="324" />
            <source>Lock now: the data is hidden and the key forgotten until a passphrase is entered again.</source>
            <translation>ចាក់សោឥឡូវនេះ៖ ទិន្នន័យត្រូវបានលាក់ ហើយកូនសោត្រូវបានបំភ្លេច រហូតដល់មានការបញ្ចូលឃ្លាសម្ងាត់ម្ដងទៀត។</translation>
        </message>
    </context>
    <context>
        <name>PostPage</name>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="89" />
            <source>Post</source>
            <translation>ប៉ុស្តិ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="90" />
            <source>Which border post or transit centre is this laptop for? Case numbers start with its code.</source>
            <translation>តើកុំព្យូទ័រយួរដៃនេះសម្រាប់ប៉ុស្តិ៍ព្រំដែន ឬមជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្នណា? លេខសំណុំរឿងចាប់ផ្ដើមដោយលេខកូដរបស់វា។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/first_run.py" line="92" />
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
        <name>ReferralBoard</name>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="208" />
            <source>(minor)</source>
            <translation>(អនីតិជន)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="213" />
            <source>Person</source>
            <translation>បុគ្គល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="213" />
            <source>Sex</source>
            <translation>ភេទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="213" />
            <source>Age</source>
            <translation>អាយុ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="214" />
            <source>Nationality</source>
            <translation>សញ្ជាតិ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="214" />
            <source>Service</source>
            <translation>សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="214" />
            <source>Provider</source>
            <translation>អ្នកផ្ដល់សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="215" />
            <source>Urgency</source>
            <translation>ភាពបន្ទាន់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="215" />
            <source>Due</source>
            <translation>ថ្ងៃផុតកំណត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="215" />
            <source>Status</source>
            <translation>ស្ថានភាព</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="225" />
            <source>New</source>
            <translation>ថ្មី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="225" />
            <source>Accepted</source>
            <translation>បានទទួលយក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="226" />
            <source>In service</source>
            <translation>កំពុងផ្ដល់សេវា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="226" />
            <source>Overdue</source>
            <translation>ហួសកាលកំណត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="227" />
            <source>Closed</source>
            <translation>បានបិទ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="254" />
            <source>Languages: {langs}
Notes: {notes}</source>
            <translation>ភាសា៖ {langs}
កំណត់សម្គាល់៖ {notes}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="297" />
            <source>Referral accepted.</source>
            <translation>បានទទួលយកការបញ្ជូន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="303" />
            <source>Referral declined.</source>
            <translation>បានបដិសេធការបញ្ជូន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="309" />
            <source>Services recorded.</source>
            <translation>បានកត់ត្រាសេវា។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="316" />
            <source>Referral completed.</source>
            <translation>បានបញ្ចប់ការបញ្ជូន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="348" />
            <source>Referral updated.</source>
            <translation>បានធ្វើបច្ចុប្បន្នភាពការបញ្ជូន។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="356" />
            <source>Complete referral</source>
            <translation>បញ្ចប់ការបញ្ជូន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="362" />
            <source>Referrals addressed to you, by status. Everything here works offline.</source>
            <translation>ការបញ្ជូនដែលផ្ញើមកអ្នក តាមស្ថានភាព។ អ្វីៗទាំងអស់នៅទីនេះដំណើរការដោយគ្មានអ៊ីនធឺណិត។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="364" />
            <source>Accept</source>
            <translation>ទទួលយក</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="365" />
            <source>Decline…</source>
            <translation>បដិសេធ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="366" />
            <source>Record services…</source>
            <translation>កត់ត្រាសេវា…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="367" />
            <source>Complete…</source>
            <translation>បញ្ចប់…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/referral_board.py" line="368" />
            <source>Refresh</source>
            <translation>ធ្វើឱ្យថ្មី</translation>
        </message>
    </context>
    <context>
        <name>ResetDialog</name>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="103" />
            <source>Reset passphrase</source>
            <translation>កំណត់ឃ្លាសម្ងាត់ឡើងវិញ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="109" />
            <source>User</source>
            <translation>អ្នកប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="110" />
            <source>New passphrase</source>
            <translation>ឃ្លាសម្ងាត់ថ្មី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="112" />
            <source>Set passphrase</source>
            <translation>កំណត់ឃ្លាសម្ងាត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="112" />
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
            <location filename="../../fieldapp/ui/shell.py" line="118" />
            <source>fieldapp — rescue and referral records</source>
            <extracomment>Input that counts as "someone is using the laptop". HQ enrolment: (workspace, url, code) -&gt; None, raises FieldAppError. What `ask_revoked` answers to wipe without exporting the unsent changes.</extracomment>
            <translation>fieldapp — កំណត់ត្រាការជួយសង្គ្រោះ និងការបញ្ជូន</translation>
        </message>
    </context>
    <context>
        <name>StatementDialog</name>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="117" />
            <source>Statement</source>
            <translation>សេចក្ដីថ្លែងការណ៍</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="118" />
            <source>Victim: {victim}
Interview: {date}, language {lang}
{seal}</source>
            <translation>ជនរងគ្រោះ៖ {victim}
ការសម្ភាសន៍៖ {date} ភាសា {lang}
{seal}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/case_view.py" line="122" />
            <source>Close</source>
            <translation>បិទ</translation>
        </message>
    </context>
    <context>
        <name>Strength</name>
        <message>
            <location filename="../../fieldapp/ui/strength.py" line="39" />
            <source>Too short: use at least {n} characters</source>
            <translation>ខ្លីពេក៖ សូមប្រើយ៉ាងតិច {n} តួអក្សរ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/strength.py" line="49" />
            <source>Weak: add more words</source>
            <translation>ខ្សោយ៖ សូមបន្ថែមពាក្យទៀត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/strength.py" line="51" />
            <source>Fair</source>
            <translation>មធ្យម</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/strength.py" line="53" />
            <source>Good</source>
            <translation>ល្អ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/strength.py" line="54" />
            <source>Strong</source>
            <translation>រឹងមាំ</translation>
        </message>
    </context>
    <context>
        <name>SyncPanel</name>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="107" />
            <source>Sending and receiving changes…</source>
            <extracomment>Clock differences above this are worth telling the user about (HLCs cope, people may not).</extracomment>
            <translation>កំពុងផ្ញើ និងទទួលការផ្លាស់ប្ដូរ…</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="117" />
            <source>Sync finished: {pushed} sent, {pulled} received.</source>
            <translation>សមកាលកម្មបានបញ្ចប់៖ បានផ្ញើ {pushed} បានទទួល {pulled}។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="137" />
            <source>HQ has revoked this device.</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានដកសិទ្ធិឧបករណ៍នេះ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="139" />
            <source>This laptop is not enrolled with HQ: a supervisor enrols it in Admin.</source>
            <translation>កុំព្យូទ័រយួរដៃនេះមិនទាន់បានចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាលទេ៖ អ្នកគ្រប់គ្រងចុះឈ្មោះវានៅក្នុងផ្នែកគ្រប់គ្រង។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="141" />
            <source>HQ could not be reached. Nothing is lost: the next sync continues.</source>
            <translation>មិនអាចទាក់ទងទីស្នាក់ការកណ្ដាលបានទេ។ គ្មានអ្វីបាត់បង់ទេ៖ សមកាលកម្មបន្ទាប់នឹងបន្តពីទីនេះ។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="143" />
            <source>HQ refused the sync.</source>
            <translation>ទីស្នាក់ការកណ្ដាលបានបដិសេធសមកាលកម្ម។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="160" />
            <source>This device was revoked by HQ</source>
            <translation>ឧបករណ៍នេះត្រូវបានទីស្នាក់ការកណ្ដាលដកសិទ្ធិ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="164" />
            <source>Not enrolled with HQ (the app works fully offline)</source>
            <translation>មិនទាន់ចុះឈ្មោះជាមួយទីស្នាក់ការកណ្ដាល (កម្មវិធីដំណើរការពេញលេញដោយគ្មានអ៊ីនធឺណិត)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="166" />
            <source>Never</source>
            <translation>មិនធ្លាប់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="169" />
            <source>No sync yet in this session</source>
            <translation>មិនទាន់មានសមកាលកម្មក្នុងវគ្គនេះទេ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="171" />
            <source>{pushed} sent, {pulled} received</source>
            <translation>បានផ្ញើ {pushed} បានទទួល {pulled}</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="173" />
            <source>None</source>
            <translation>គ្មាន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="175" />
            <source>Unknown (not yet in contact with HQ)</source>
            <translation>មិនដឹង (មិនទាន់បានទាក់ទងជាមួយទីស្នាក់ការកណ្ដាល)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="177" />
            <source>This laptop's clock is {minutes} minutes off: please correct it</source>
            <translation>នាឡិការបស់កុំព្យូទ័រយួរដៃនេះខុស {minutes} នាទី៖ សូមកែវាឱ្យត្រូវ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="180" />
            <source>OK</source>
            <translation>ត្រឹមត្រូវ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="184" />
            <source>Changes are kept encrypted on this laptop and sent to HQ when a connection is available.</source>
            <translation>ការផ្លាស់ប្ដូរត្រូវបានរក្សាទុកដោយអ៊ិនគ្រីបនៅលើកុំព្យូទ័រយួរដៃនេះ ហើយផ្ញើទៅទីស្នាក់ការកណ្ដាលនៅពេលមានការតភ្ជាប់។</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="186" />
            <source>Headquarters</source>
            <translation>ទីស្នាក់ការកណ្ដាល</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="186" />
            <source>Last successful sync</source>
            <translation>សមកាលកម្មជោគជ័យចុងក្រោយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="187" />
            <source>Changes not yet sent</source>
            <translation>ការផ្លាស់ប្ដូរមិនទាន់បានផ្ញើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="187" />
            <source>Last round</source>
            <translation>ជុំចុងក្រោយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="188" />
            <source>Last error</source>
            <translation>កំហុសចុងក្រោយ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="188" />
            <source>Clock</source>
            <translation>នាឡិកា</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/sync_panel.py" line="190" />
            <source>Sync now</source>
            <translation>ធ្វើសមកាលកម្មឥឡូវនេះ</translation>
        </message>
    </context>
    <context>
        <name>Tasks</name>
        <message>
            <location filename="../../fieldapp/ui/tasks.py" line="25" />
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
            <location filename="../../fieldapp/ui/admin.py" line="55" />
            <location filename="../../fieldapp/ui/admin.py" line="78" />
            <source>Add user</source>
            <extracomment>Export formats offered, in order (csv writes a folder of files; the others one file).</extracomment>
            <translation>បន្ថែមអ្នកប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="71" />
            <source>User name</source>
            <translation>ឈ្មោះអ្នកប្រើ</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="72" />
            <source>Full name (optional)</source>
            <translation>ឈ្មោះពេញ (ស្រេចចិត្ត)</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="73" />
            <source>Role</source>
            <translation>តួនាទី</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="74" />
            <source>Transit centre</source>
            <translation>មជ្ឈមណ្ឌលស្នាក់នៅបណ្ដោះអាសន្ន</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="75" />
            <source>Passphrase</source>
            <translation>ឃ្លាសម្ងាត់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="76" />
            <source>Repeat passphrase</source>
            <translation>វាយឃ្លាសម្ងាត់ម្ដងទៀត</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="78" />
            <source>Cancel</source>
            <translation>បោះបង់</translation>
        </message>
        <message>
            <location filename="../../fieldapp/ui/admin.py" line="89" />
            <source>The two passphrases differ.</source>
            <translation>ឃ្លាសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ។</translation>
        </message>
    </context>
</TS>