// Sample records for the PDF tests and the benchmark: an initial report in the official
// 附件二 layout (网络与信息安全事件报告表) and a result report in the 附件三 layout
// (处理结果报告表, with its filing number), with the fields in the order the county plan
// (seed 000) prints them. `long_text_repeats` lengthens the description so the record
// runs onto a second page. Header-only so bench/ can include it too.
// Thread rules: pure functions.
#pragma once

#include <string>

#include "erflow/reports/pdf/record_document.h"

namespace erflow::pdf::sample {

// 2025-10-14 17:00 +08:00
constexpr Instant kReportTime{1760432400};

inline std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// About 1,100 characters of varied incident narrative (several hundred distinct
// characters, as a real two-page report has), ending with a marker sentence.
inline const char* LongNarrative() {
  return "一、事件发现经过。10月14日16时20分，县信息网络中心值班员在巡检网站监测平台时，"
         "发现政务服务网首页出现与政务内容无关的赌博广告链接及违规图片，页面标题亦被篡改。"
         "值班员随即截取页面快照，记录异常出现的时间、地址和访问者数量，并按照应急预案第"
         "四章的规定，在十分钟内电话报告中心主任和分管领导，同时通知运维科技术骨干到岗。\n"
         "二、初步核查情况。技术人员登录服务器后查看网页防篡改系统和入侵检测设备的告警记录，"
         "发现当天凌晨三时许有境外代理地址多次尝试登录后台，随后利用内容管理系统旧版插件的"
         "文件上传缺陷，把伪装成图片的脚本文件写入附件目录，再借此修改首页模板。"
         "数据库审计日志显示，攻击者曾读取栏目配置表，但没有导出办事群众的个人信息，"
         "审批业务系统与网站部署在不同网段，未受波及。\n"
         "三、先期处置措施。为防止不良信息继续传播，中心在十六时三十五分断开网站服务器的"
         "外网连接，启用事先准备的静态维护页面，并向县委网信办、县公安局网安大队通报情况。"
         "技术组完整备份了被篡改的文件、系统日志和内存镜像，计算并登记了各份证据的哈希值，"
         "由两名工作人员签字确认，移交公安机关作为调查取证材料。\n"
         "四、恢复与加固。在清除后门文件、核对全部模板和静态资源的完整性之后，技术组升级了"
         "插件版本，关闭了不必要的上传接口，修改了全部管理员账号的口令并启用双因素认证，"
         "十八时二十分经复测确认无异常后恢复网站对外服务。\n"
         "五、影响评估。网站首页被篡改的时间约十五分钟，期间约有一千二百人次访问；"
         "网上办事大厅中断服务约两个小时，部分群众改到窗口办理，没有造成经济损失，"
         "社会舆论总体平稳，未发现相关负面炒作。\n"
         "六、下一步工作。中心将建立补丁管理台账，每月核查一次；扩大防篡改规则覆盖范围；"
         "组织一次网页篡改专项应急演练；并在五个工作日内向县信息办报送处理结果报告。\n"
         "【续页标记】以上情况属实，特此报告。";
}

inline RecordDocument InitialReport(int long_text_repeats = 1) {
  RecordDocument r;
  r.form_label = "附件二";
  r.title = "网络与信息安全事件报告表";
  r.unit_name = "某县信息网络中心";
  r.document_number = "ER-2025-0042";
  r.author = "张伟";
  r.subject = "网络与信息安全事件 初次报告";
  r.created_at = kReportTime;
  RecordSection s;
  s.rows.push_back(RecordRow::Pairs({RecordField::Time("报告时间", kReportTime)}));
  s.rows.push_back(RecordRow::Pairs({{"单位名称", "某县信息网络中心"}, {"报告人", "张伟"}}));
  s.rows.push_back(RecordRow::Pairs(
      {{"联系电话", "0577-88776655"}, {"通讯地址", "某县人民路88号政务服务中心三楼"}}));
  s.rows.push_back(
      RecordRow::Pairs({{"传真", "0577-88776600"}, {"电子邮件", "duty@xxzx.example.gov.cn"}}));
  s.rows.push_back(RecordRow::Full("发生网络与信息安全事件的网络与信息系统名称及用途",
                                   "县政务服务网上办事大厅（对外提供行政审批事项网上申报与查询）",
                                   1));
  s.rows.push_back(RecordRow::Pairs({{"负责部门", "信息网络中心运维科"}, {"负责人", "李强"}}));
  s.rows.push_back(RecordRow::Full(
      "网络与信息安全事件的简要描述（如以前出现过类似情况也应加以说明）",
      Repeat("2025年10月14日16时20分，值班人员通过网站监测平台发现政务服务网首页被篡改，"
             "页面出现与政务内容无关的非法链接和图片。值班人员立即截图留存证据，"
             "并按照应急预案向信息安全负责人报告。经初步核查，攻击者利用内容管理系统"
             "旧版本插件的文件上传漏洞写入网页后门，进而修改了首页模板文件。"
             "2024年3月曾发生过一次类似的弱口令登录事件，当时已整改。\n",
             long_text_repeats)));
  s.rows.push_back(RecordRow::Full("初步判定的事故原因",
                                   "内容管理系统插件存在未修补的任意文件上传漏洞（CVE-2025-XXXX），"
                                   "补丁未及时安装；网页防篡改系统规则未覆盖模板目录。"));
  s.rows.push_back(RecordRow::Full("当前采取的应对措施",
                                   "1. 16时35分将网站服务器从网络中隔离，启用备用静态页面；\n"
                                   "2. 保存系统日志、访问日志和被篡改文件，备份现场；\n"
                                   "3. 清除网页后门，恢复首页模板，升级插件至最新版本；\n"
                                   "4. 向县公安局网安大队报告，请求协助追查攻击来源。"));
  s.rows.push_back(RecordRow::Full("本次网络与信息安全事件的初步影响状况",
                                   "网站首页被篡改约15分钟，期间访问量约1200人次；"
                                   "未发现数据泄露，审批业务数据库未受影响。"));
  s.rows.push_back(RecordRow::Pair("事件后果", "对外服务中断约2小时，造成一定社会影响。"));
  s.rows.push_back(
      RecordRow::Pairs({{"影响范围", "全县网上办事用户"}, {"严重程度", "较大（III级）"}}));
  s.rows.push_back(RecordRow::Pairs({{"值班电话", "0577-88776611"}, {"传真", "0577-88776600"}}));
  r.sections.push_back(std::move(s));
  r.signatures.push_back({"报告人签名", "张伟", kReportTime});
  r.signatures.push_back({"审核人（分管领导）", "王芳", kReportTime.Plus(1800)});
  r.footer_note = "本表由 erflow 生成，附数字签名；签名有效性以电子文件验证结果为准。";
  return r;
}

// The initial report with the long narrative as its description: two A4 pages, the
// description continuing onto the second.
inline RecordDocument TwoPageReport() {
  RecordDocument r = InitialReport(0);
  for (RecordRow& row : r.sections[0].rows) {
    if (row.fields[0].label.rfind("网络与信息安全事件的简要描述", 0) == 0) {
      row.fields[0].value = LongNarrative();
    }
  }
  return r;
}

inline RecordDocument ResultReport() {
  RecordDocument r;
  r.form_label = "附件三";
  r.title = "网络与信息安全事件处理结果报告表";
  r.unit_name = "某县信息网络中心";
  r.document_number = "ER-2025-0042";
  r.filing_number = "2025年10月14日第1号 总第7号";
  r.created_at = kReportTime.Plus(86400 * 5);
  RecordSection s;
  s.rows.push_back(RecordRow::Pairs({RecordField::Time("原事件报告时间", kReportTime)}));
  s.rows.push_back(RecordRow::Pairs({{"备案编号", r.filing_number}}));
  s.rows.push_back(RecordRow::Pairs({{"单位名称", "某县信息网络中心"}, {"联系人", "张伟"}}));
  s.rows.push_back(
      RecordRow::Pairs({{"联系电话", "0577-88776655"}, {"通讯地址", "某县人民路88号"}}));
  s.rows.push_back(RecordRow::Full("网络或信息系统名称及用途", "县政务服务网上办事大厅", 1));
  s.rows.push_back(RecordRow::Full("已采用的安全措施", "网页防篡改、入侵检测、每日备份。", 1));
  s.rows.push_back(RecordRow::Full("网络与信息安全事件的补充描述及最后判定的事故原因",
                                   "经公安机关协助分析，攻击来自境外代理IP，利用插件上传漏洞。"));
  s.rows.push_back(RecordRow::Full("对本次网络与信息安全事件的事后影响状况", "无后续影响。", 1));
  s.rows.push_back(
      RecordRow::Pairs({{"事件后果", "服务中断2小时"}, {"影响范围", "全县网上办事用户"}}));
  s.rows.push_back(RecordRow::Pair("严重程度", "较大（III级）"));
  s.rows.push_back(
      RecordRow::Full("本次网络与信息安全事件的主要处理过程及结果",
                      "隔离、取证、清除后门、升级插件、恢复服务，10月14日18时20分恢复。"));
  s.rows.push_back(RecordRow::Full("针对此类事件应采取的保障网络与信息系统安全的措施和建议",
                                   "建立补丁管理台账，每月核查；防篡改规则覆盖模板目录。"));
  r.sections.push_back(std::move(s));
  r.signatures.push_back({"报告人签名", "张伟", kReportTime.Plus(86400 * 5)});
  return r;
}

}  // namespace erflow::pdf::sample
